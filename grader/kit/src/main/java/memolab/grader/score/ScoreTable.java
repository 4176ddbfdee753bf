package memolab.grader.score;

import java.util.List;
import java.util.Locale;

/** Renders a {@link Score} as the plain-text table printed at the end of a test run. */
public final class ScoreTable {

    private static final int MESSAGE_LINES = 8;

    private ScoreTable() {
    }

    /**
     * The table, then the lost tests with the start of their messages.
     *
     * @param score    the score to render
     * @param headline a line above the table (what was graded), or empty
     */
    public static String render(Score score, String headline) {
        StringBuilder out = new StringBuilder();
        String rule = "=".repeat(72);
        out.append(rule).append('\n');
        out.append("MemoLab score").append(headline.isEmpty() ? "" : ": " + headline).append('\n');
        out.append(rule).append('\n');
        line(out, "%-3s %-36s %9s %14s", "#", "Category", "Points", "Tests passed");
        for (Score.Row row : score.rows()) {
            line(out, "%-3d %-36s %4d / %-3d %8d / %-3d", row.category().number(), row.category().title(),
                    row.earned(), row.possible(), row.passed(), row.tests());
        }
        line(out, "%-3s %-36s %4d / %-3d", "", "Total", score.earned(), score.possible());
        int elsewhere = Score.SUITE_TOTAL - score.possible();
        if (elsewhere > 0) {
            out.append(String.format(Locale.ROOT,
                    "(The other %d of the %d points are in tests that did not run here: the hidden tests of final grading.)%n",
                    elsewhere, Score.SUITE_TOTAL));
        }
        List<TestOutcome> lost = score.lost();
        if (lost.isEmpty()) {
            out.append("Every graded test passed.\n");
        } else {
            out.append('\n').append("Tests that lost points, in rubric order (the full messages are above):\n");
            for (Score.LostGroup group : score.lostGroups()) {
                for (TestOutcome outcome : group.tests()) {
                    out.append(String.format(Locale.ROOT, "- [%d %s] %s%s (0 / %d)%n",
                            outcome.category().number(), outcome.category().title(), outcome.displayName(),
                            outcome.status() == TestOutcome.Status.NOT_RUN ? ", not run" : "", outcome.points()));
                }
                if (group.tests().size() > 1) {
                    out.append(String.format(Locale.ROOT, "  (the %d tests above, each:)%n", group.tests().size()));
                }
                appendIndented(out, group.message());
            }
            out.append("\nWhere to read about them, in the tutorial:\n");
            score.lostGroups().stream().map(Score.LostGroup::category).distinct().forEach(category ->
                    out.append(String.format(Locale.ROOT, "- [%d %s] %s%n", category.number(), category.title(),
                            category.readMore())));
        }
        out.append(rule).append('\n');
        return out.toString();
    }

    /** A padded table line, without the padding's trailing spaces. */
    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args).stripTrailing()).append('\n');
    }

    private static void appendIndented(StringBuilder out, String message) {
        String[] lines = message.strip().split("\\R");
        int shown = Math.min(lines.length, MESSAGE_LINES);
        for (int i = 0; i < shown; i++) {
            if (!lines[i].isBlank()) {
                out.append("    ").append(lines[i].stripTrailing()).append('\n');
            }
        }
        if (lines.length > shown) {
            out.append("    ...\n");
        }
    }
}
