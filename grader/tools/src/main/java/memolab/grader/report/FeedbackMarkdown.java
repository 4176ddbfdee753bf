package memolab.grader.report;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import memolab.grader.grading.GradingResult;
import memolab.grader.grading.Rubric;
import memolab.grader.grading.YourTestsReport;
import memolab.grader.Category;
import memolab.grader.late.LatePolicy;
import memolab.grader.late.Lateness;
import memolab.grader.score.PlainText;
import memolab.grader.score.Score;
import memolab.grader.score.ScoreMarkdown;

/** The per-student feedback file: the score by category, what went wrong, each lost test's message. */
public final class FeedbackMarkdown {

    /** A lost test's message when the run stopped before it, for the reason "What happened" gives. */
    static final String STOPPED = "Not run: the run stopped before these tests (\"What happened\", above, says why).";

    private FeedbackMarkdown() {
    }

    public static String render(GradingResult result) {
        return render(result, Lateness.none(result.total()));
    }

    /** The feedback, with what a deadline and the late policy did to the score, where one was set. */
    public static String render(GradingResult result, Lateness lateness) {
        Score score = result.score();
        StringBuilder md = new StringBuilder();
        md.append("# MemoLab feedback: ").append(PlainText.inlineCode(result.student())).append("\n\n");
        md.append(String.format(Locale.ROOT, "**Score: %s / %d** (%s)%n%n", result.totalText(), score.possible(),
                describe(result.status())));
        md.append(deadline(lateness, score.possible()));
        md.append(ScoreMarkdown.table(score));
        YourTestsReport yourTests = result.yourTests();
        if (yourTests != null) {
            md.append(String.format(Locale.ROOT, "| %d | Your tests | %s / %d | %d / %d sound |%n%n", Category.values().length + 1,
                    YourTestsReport.points(yourTests.earned()), yourTests.possible(), yourTests.sound(), yourTests.tests()));
            md.append(String.format(Locale.ROOT, "Your own tests carry %d of the 100 points, so the suite's %d count for %d: "
                    + "%d × %s + %s = %s. The last section says how your tests were measured.%n", yourTests.possible(),
                    score.possible(), Rubric.TOTAL - yourTests.possible(), score.earned(),
                    YourTestsReport.points((Rubric.TOTAL - yourTests.possible()) / (double) Rubric.TOTAL),
                    YourTestsReport.points(yourTests.earned()), result.totalText()));
        }
        if (!result.problems().isEmpty()) {
            md.append("\n## What happened\n\n");
            for (String problem : result.problems()) {
                md.append("- ").append(problem).append('\n');
            }
        }
        // A run that stopped gives every test after it the reason "What happened" already gives: said once.
        md.append('\n').append(ScoreMarkdown.lostTests(score, message -> result.problems().stream()
                .anyMatch(problem -> message.equals(GradingResult.stoppedBefore(problem))) ? STOPPED : message));
        if (!result.output().isEmpty()) {
            md.append("\n## What your code printed\n\n").append(PlainText.codeBlock(PlainText.clean(result.output(), Integer.MAX_VALUE)));
            if (result.outputCut() > 0) {
                md.append(String.format(Locale.ROOT, "%n(cut: %,d more bytes were printed and left out)%n", result.outputCut()));
            }
        }
        if (yourTests != null) {
            md.append('\n').append(yourTests.markdown());
        }
        return md.toString();
    }

    /** Between the score and its table: the final score where a penalty applied, and the "Deadline" section. */
    private static String deadline(Lateness lateness, int possible) {
        StringBuilder md = new StringBuilder();
        if (lateness.penaltyPercent() > 0) {
            md.append(String.format(Locale.ROOT, "**Final score, after the late penalty: %s / %d**%n%n",
                    LatePolicy.number(lateness.finalScore()), possible));
        }
        if (lateness.applies()) {
            md.append("## Deadline\n\n").append(lateness.explain()).append("\n\n");
        }
        return md.toString();
    }

    private static final Pattern SCORE_THEN_DEADLINE =
            Pattern.compile("(?s)\\A(.*?\\*\\*Score: [\\d.]+ / (\\d+)\\*\\*[^\\n]*\\n\\n)(.*?)(\\| # \\| Category \\|.*)\\z");

    /**
     * A stored feedback file with its deadline part written again for {@code lateness} (a
     * changed policy, a new extension); the rest, every test's result, stays as it was.
     *
     * @throws IllegalArgumentException when the file is not a feedback file this grader wrote
     */
    public static String rescored(String feedback, Lateness lateness) {
        Matcher parts = SCORE_THEN_DEADLINE.matcher(feedback);
        if (!parts.matches()) {
            throw new IllegalArgumentException("not a MemoLab feedback file (no score line and table)");
        }
        return parts.group(1) + deadline(lateness, Integer.parseInt(parts.group(2))) + parts.group(4);
    }

    static String describe(GradingResult.Status status) {
        return switch (status) {
            case GRADED -> "graded";
            case NO_SUBMISSION -> "nothing to grade";
            case COMPILE_ERROR -> "does not compile";
            case REFUSED -> "refused: not run, for the reason below";
            case TIMED_OUT -> "stopped at the time limit";
            case CRASHED -> "the run stopped early";
            case GRADER_ERROR -> "grader error: grade again";
        };
    }
}
