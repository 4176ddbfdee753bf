package memolab.grader.report;

import java.util.Locale;
import memolab.grader.grading.GradingResult;
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
        Score score = result.score();
        StringBuilder md = new StringBuilder();
        md.append("# MemoLab feedback: ").append(PlainText.inlineCode(result.student())).append("\n\n");
        md.append(String.format(Locale.ROOT, "**Score: %d / %d** (%s)%n%n", score.earned(), score.possible(),
                describe(result.status())));
        md.append(ScoreMarkdown.table(score));
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
        return md.toString();
    }

    static String describe(GradingResult.Status status) {
        return switch (status) {
            case GRADED -> "graded";
            case NO_SUBMISSION -> "nothing to grade";
            case COMPILE_ERROR -> "does not compile";
            case REFUSED -> "refused: breaks a safety rule, not run";
            case TIMED_OUT -> "stopped at the time limit";
            case CRASHED -> "the run stopped early";
            case GRADER_ERROR -> "grader error: grade again";
        };
    }
}
