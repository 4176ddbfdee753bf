package memolab.grader.report;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Locale;
import memolab.grader.grading.GradingResult;
import memolab.grader.score.PlainText;
import memolab.grader.score.Score;
import memolab.grader.score.TestOutcome;

/**
 * The {@code results.json} of Gradescope's autograder format: the total, and one entry per
 * graded test with its points, status, visibility (hidden tests show after the grades are
 * published) and category tag.
 */
public final class GradescopeJson {

    /** How much of the student's own output goes into the JSON. */
    static final int OUTPUT_CAP = 8 * 1024;

    private GradescopeJson() {
    }

    public static String render(GradingResult result) {
        Score score = result.score();
        JsonObject json = new JsonObject();
        json.addProperty("score", score.earned());
        json.addProperty("execution_time", Math.round(result.timings().total()));
        json.addProperty("output", output(result));
        json.addProperty("output_format", "md");
        json.addProperty("stdout_visibility", "hidden");
        JsonArray tests = new JsonArray();
        List<TestOutcome> outcomes = score.outcomes(); // the guards of broken rules applied
        int[] numberInCategory = new int[memolab.grader.Category.values().length];
        for (TestOutcome outcome : outcomes) {
            JsonObject test = new JsonObject();
            test.addProperty("name", outcome.displayName());
            test.addProperty("number", outcome.category().number() + "." + ++numberInCategory[outcome.category().ordinal()]);
            test.addProperty("score", outcome.earned());
            test.addProperty("max_score", outcome.points());
            test.addProperty("status", outcome.status() == TestOutcome.Status.PASSED ? "passed" : "failed");
            test.addProperty("visibility", outcome.hidden() ? "after_published" : "visible");
            JsonArray tags = new JsonArray();
            tags.add(outcome.category().title());
            test.add("tags", tags);
            if (!outcome.message().isEmpty()) {
                test.addProperty("output", PlainText.codeBlock(outcome.message()).strip());
                test.addProperty("output_format", "md");
            }
            tests.add(test);
        }
        json.add("tests", tests);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(json) + "\n";
    }

    private static String output(GradingResult result) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "MemoLab: %s.%n",
                FeedbackMarkdown.describe(result.status())));
        result.problems().forEach(p -> text.append(p).append('\n'));
        if (!result.output().isEmpty()) {
            String printed = result.output();
            long cut = result.outputCut();
            if (printed.length() > OUTPUT_CAP) {
                cut += printed.length() - OUTPUT_CAP;
                printed = printed.substring(0, OUTPUT_CAP);
            }
            text.append("\nYour code printed:\n").append(PlainText.codeBlock(PlainText.clean(printed, Integer.MAX_VALUE)));
            if (cut > 0) {
                text.append(String.format(Locale.ROOT, "(cut: %,d more characters left out)%n", cut));
            }
        }
        return text.toString();
    }
}
