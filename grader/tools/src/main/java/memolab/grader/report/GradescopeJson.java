package memolab.grader.report;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import memolab.grader.grading.GradingResult;
import memolab.grader.late.Lateness;
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
        return render(result, Lateness.none(result.total()));
    }

    /**
     * With a deadline: {@code score} is the final score, after the late penalty (Gradescope
     * shows it as the total); the tests keep their points, and the output says what was taken.
     */
    public static String render(GradingResult result, Lateness lateness) {
        Score score = result.score();
        JsonObject json = new JsonObject();
        json.addProperty("score", number(result.total()));
        json.addProperty("execution_time", Math.round(result.timings().total()));
        json.addProperty("output", output(result));
        withLateness(json, lateness);
        json.addProperty("output_format", "md");
        json.addProperty("stdout_visibility", "hidden");
        JsonArray tests = new JsonArray();
        List<TestOutcome> outcomes = score.outcomes(); // the guards of broken rules applied
        List<String> numbers = numbers(outcomes);
        for (int i = 0; i < outcomes.size(); i++) {
            TestOutcome outcome = outcomes.get(i);
            JsonObject test = new JsonObject();
            test.addProperty("name", outcome.displayName());
            test.addProperty("number", numbers.get(i));
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

    /**
     * The score after the penalty, and the deadline's explanation after what happened (which
     * the class report reads first), replacing any an earlier policy wrote.
     */
    private static void withLateness(JsonObject json, Lateness lateness) {
        if (lateness.penaltyPercent() > 0) {
            json.addProperty("score", number(lateness.finalScore()));
        } else {
            json.addProperty("score", number(lateness.raw()));
        }
        String output = json.get("output").getAsString().replaceFirst("\n" + Pattern.quote(Lateness.EXPLAINED) + "[^\n]*\n\\z", "");
        json.addProperty("output", lateness.applies() ? output + "\n" + lateness.explain() + "\n" : output);
    }

    /**
     * Each test's number, "category.place": a category's visible tests first, in the order they
     * ran, then its hidden ones. So a visible test has the same number in a per-push run, which
     * has the visible tests only, as in final grading (where the suite's classes run visible and
     * hidden interleaved: see {@code SuiteClassOrder}).
     */
    public static List<String> numbers(List<TestOutcome> outcomes) {
        String[] numbers = new String[outcomes.size()];
        int[] inCategory = new int[memolab.grader.Category.values().length];
        for (boolean hidden : new boolean[] {false, true}) {
            for (int i = 0; i < outcomes.size(); i++) {
                TestOutcome outcome = outcomes.get(i);
                if (outcome.hidden() == hidden) {
                    numbers[i] = outcome.category().number() + "." + ++inCategory[outcome.category().ordinal()];
                }
            }
        }
        return List.of(numbers);
    }

    /** A score as JSON writes it: a whole number without a decimal point ("100", not "100.0"). */
    private static Number number(double value) {
        return value == Math.rint(value) ? (Number) Long.valueOf((long) value) : (Number) Double.valueOf(value);
    }

    /**
     * A stored {@code results.json} rescored for {@code lateness}: its score and deadline text
     * written again; every test as it was.
     *
     * @throws IllegalArgumentException when it is not a results file this grader wrote
     */
    public static String rescored(String stored, Lateness lateness) {
        try {
            JsonObject json = JsonParser.parseString(stored).getAsJsonObject();
            if (!json.has("output") || !json.has("tests")) {
                throw new IllegalArgumentException("not a MemoLab results.json (no output or tests)");
            }
            withLateness(json, lateness);
            return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(json) + "\n";
        } catch (JsonParseException | IllegalStateException e) {
            throw new IllegalArgumentException("not a results.json: " + e.getMessage());
        }
    }

    private static String output(GradingResult result) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "MemoLab: %s.%n",
                FeedbackMarkdown.describe(result.status())));
        result.problems().forEach(p -> text.append(p).append('\n'));
        if (result.yourTests() != null) {
            text.append('\n').append(result.yourTests().markdown());
        }
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
