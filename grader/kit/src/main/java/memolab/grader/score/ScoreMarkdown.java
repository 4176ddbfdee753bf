package memolab.grader.score;

import java.util.Locale;
import java.util.function.UnaryOperator;
import memolab.grader.Category;

/**
 * Renders a {@link Score} as Markdown: the points per category, then every lost test with
 * its message, grouped where tests failed for the same reason. The instructor's feedback
 * files, Classroom 50's release body and GitHub's job summary all show this.
 */
public final class ScoreMarkdown {

    private ScoreMarkdown() {
    }

    /** A heading, the table, then the lost tests: the whole score on one page. */
    public static String report(String heading, Score score) {
        return heading + "\n\n" + table(score) + "\n" + lostTests(score);
    }

    /** The table of points and tests passed per category. */
    public static String table(Score score) {
        StringBuilder md = new StringBuilder("| # | Category | Points | Tests passed |\n|---|---|---|---|\n");
        for (Score.Row row : score.rows()) {
            md.append(String.format(Locale.ROOT, "| %d | %s | %d / %d | %d / %d |%n", row.category().number(),
                    row.category().title(), row.earned(), row.possible(), row.passed(), row.tests()));
        }
        return md.toString();
    }

    /** "Every graded test passed.", or a section per category with each lost test and its message. */
    public static String lostTests(Score score) {
        return lostTests(score, UnaryOperator.identity());
    }

    /** As {@link #lostTests(Score)}, each group's message as {@code message} rewrites it (to shorten a repeat). */
    public static String lostTests(Score score, UnaryOperator<String> message) {
        if (score.lost().isEmpty()) {
            return "Every graded test passed.\n";
        }
        StringBuilder md = new StringBuilder("## Tests that lost points\n");
        Category current = null;
        for (Score.LostGroup group : score.lostGroups()) {
            if (group.category() != current) {
                current = group.category();
                md.append("\n### ").append(current.number()).append(". ").append(current.title()).append("\n\n");
                md.append('_').append(current.checks()).append("._ Read: ").append(current.readMore()).append(".\n\n");
            }
            for (TestOutcome outcome : group.tests()) {
                md.append(String.format(Locale.ROOT, "- **%s** (0 / %d%s)%n", outcome.displayName(), outcome.points(),
                        outcome.hidden() ? ", hidden test" : ""));
            }
            md.append('\n').append(PlainText.codeBlock(message.apply(group.message())));
        }
        return md.toString();
    }
}
