package memolab.grader.score;

import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link Score} as plain text for the console, in two parts: {@link #details} (every
 * lost test with the start of its message, long on a first run) and {@link #render} (the table
 * and a short list of what to fix first), printed in that order so that the table is the last
 * thing a student reads.
 */
public final class ScoreTable {

    private static final int MESSAGE_LINES = 8;

    /** How many lost tests the "fix first" list names. */
    static final int FIX_FIRST = 3;

    /** The longest line of a message that the "fix first" list quotes. */
    private static final int FIX_FIRST_WIDTH = 150;

    private ScoreTable() {
    }

    /**
     * The table, then what to fix first and where to read about it.
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
        int hidden = Score.SUITE_TOTAL - Score.VISIBLE_TOTAL;
        int unselected = Score.VISIBLE_TOTAL - score.possible();
        if (unselected > 0) {
            // ./mvnw test -Dtest=...: some visible tests were not selected, as well as the hidden ones.
            out.append(String.format(Locale.ROOT, "(Not run here: %d visible points in tests this command did not select "
                    + "(./mvnw test runs them all), and the %d points of final grading's hidden tests.)%n", unselected, hidden));
        } else if (score.possible() < Score.SUITE_TOTAL) {
            out.append(String.format(Locale.ROOT,
                    "(The other %d of the suite's %d points are in final grading's hidden tests. Final grading also "
                            + "counts the steps your code takes in the cost tests; this run only times them.)%n",
                    Score.SUITE_TOTAL - score.possible(), Score.SUITE_TOTAL));
        }
        List<Score.LostGroup> groups = score.lostGroups();
        if (groups.isEmpty()) {
            out.append("Every graded test passed.\n");
        } else {
            out.append('\n').append("Fix first (in rubric order; every lost test and its message are above):\n");
            for (Score.LostGroup group : groups.subList(0, Math.min(FIX_FIRST, groups.size()))) {
                TestOutcome first = group.tests().get(0);
                int alike = group.tests().size() - 1;
                out.append(String.format(Locale.ROOT, "- [%d %s] %s%s%n", group.category().number(),
                        group.category().title(), first.displayName(),
                        alike == 0 ? "" : String.format(Locale.ROOT, " (and %d more with the same message)", alike)));
                for (String line : gist(group.message())) {
                    out.append("    ").append(line).append('\n');
                }
            }
            if (groups.size() > FIX_FIRST) {
                out.append(String.format(Locale.ROOT, "  (%d more groups of lost tests above)%n", groups.size() - FIX_FIRST));
            }
            out.append("Where to read about them, in the tutorial:\n");
            groups.stream().map(Score.LostGroup::category).distinct().forEach(category ->
                    out.append(String.format(Locale.ROOT, "- [%d %s] %s%n", category.number(), category.title(),
                            category.readMore())));
        }
        out.append(rule).append('\n');
        return out.toString();
    }

    /**
     * Every lost test, in rubric order, grouped by message, with the first lines of the message;
     * empty if none was lost.
     */
    public static String details(Score score) {
        List<Score.LostGroup> groups = score.lostGroups();
        if (groups.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("\nTests that lost points, in rubric order:\n");
        for (Score.LostGroup group : groups) {
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
        return out.append('\n').toString();
    }

    /** A padded table line, without the padding's trailing spaces. */
    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args).stripTrailing()).append('\n');
    }

    /**
     * The lines of a message that say what went wrong, each cut to fit a terminal line or two:
     * the first line, and for a random-sequence test the smallest failing case and what it did.
     */
    private static List<String> gist(String message) {
        List<String> lines = message.strip().lines().filter(l -> !l.isBlank()).map(String::strip).toList();
        if (lines.isEmpty()) {
            return List.of("(no message)");
        }
        List<String> gist = new java.util.ArrayList<>(List.of(lines.get(0)));
        for (int i = 1; i < lines.size() - 1; i++) {
            if (lines.get(i).contains("Smallest failing case")) {
                gist.addAll(lines.subList(i + 1, Math.min(i + 3, lines.size())));
                break;
            }
        }
        return gist.stream().map(l -> l.length() <= FIX_FIRST_WIDTH ? l : l.substring(0, FIX_FIRST_WIDTH - 3) + "...").toList();
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
