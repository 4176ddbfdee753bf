package memolab.grader.classroom;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import memolab.grader.score.Score;
import memolab.grader.score.ScoreMarkdown;
import memolab.grader.score.TestOutcome;

/**
 * What Classroom 50's runner reads after an autograder ran in a student's repository:
 * {@code result.json} (schema {@code classroom50/result/v1}: who and what was graded, the
 * score, one entry per graded test) and {@code release-body.md} (the score table and every
 * lost test's message, shown on the submission's release page).
 *
 * <p>The identity fields come from the variables the runner sets: {@code CLASSROOM},
 * {@code ASSIGNMENT}, {@code SUBMISSION_TAG}, {@code COMMIT_URL}, {@code RELEASE_URL},
 * {@code REVIEW_URL}, {@code OWNER} or {@code USERNAME}, {@code ASSIGNMENT_TYPE}. The runner
 * stamps the owner and the assignment type again on its own; they are written here too so
 * that the file is complete by itself.
 */
public final class Classroom50 {

    /** The schema name Classroom 50's runner and score collector check. */
    public static final String SCHEMA = "classroom50/result/v1";

    /** The variables without which a result cannot name its submission. */
    static final List<String> REQUIRED = List.of("CLASSROOM", "ASSIGNMENT", "SUBMISSION_TAG", "COMMIT_URL", "RELEASE_URL");

    private static final DateTimeFormatter UTC_SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Classroom50() {
    }

    /**
     * Writes {@code result.json} and {@code release-body.md} into {@code folder}.
     *
     * @throws IllegalStateException naming every missing runner variable
     */
    public static void write(Path folder, List<TestOutcome> outcomes, Map<String, String> env, Instant now)
            throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("result.json"), resultJson(outcomes, env, now), StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("release-body.md"), releaseBody(outcomes), StandardCharsets.UTF_8);
    }

    /** The {@code result.json} document. */
    public static String resultJson(List<TestOutcome> outcomes, Map<String, String> env, Instant now) {
        String owner = requireRunnerVariables(env);
        Score score = Score.of(outcomes);
        JsonObject json = identity(env, owner, now);
        json.addProperty("score", score.earned());
        json.addProperty("max-score", score.possible());
        JsonArray tests = new JsonArray();
        // In rubric order, as the tables show them (the run's own order puts the rules first).
        score.outcomes().stream().sorted(Comparator.comparing(TestOutcome::category)).map(Classroom50::testEntry).forEach(tests::add);
        json.add("tests", tests);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(json) + "\n";
    }

    /**
     * The owner, after checking that the runner set every variable a result needs.
     *
     * @throws IllegalStateException naming every missing variable
     */
    private static String requireRunnerVariables(Map<String, String> env) {
        List<String> missing = new ArrayList<>();
        for (String name : REQUIRED) {
            if (env.getOrDefault(name, "").isBlank()) {
                missing.add(name);
            }
        }
        String owner = firstSet(env, "OWNER", "USERNAME", "GITHUB_ACTOR");
        if (owner.isEmpty()) {
            missing.add("OWNER (or USERNAME, or GITHUB_ACTOR)");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Classroom 50's runner sets these variables, and they are missing: "
                    + String.join(", ", missing) + ". Run the autograder from Classroom 50's workflow, or set them "
                    + "by hand to try it locally.");
        }
        return owner;
    }

    /** Who and what was graded, and when. */
    private static JsonObject identity(Map<String, String> env, String owner, Instant now) {
        JsonObject json = new JsonObject();
        json.addProperty("schema", SCHEMA);
        json.addProperty("classroom", env.get("CLASSROOM"));
        json.addProperty("assignment", env.get("ASSIGNMENT"));
        json.addProperty("assignment_type", firstSet(env, "ASSIGNMENT_TYPE").isEmpty() ? "individual" : env.get("ASSIGNMENT_TYPE"));
        json.addProperty("owner", owner);
        json.addProperty("submission", env.get("SUBMISSION_TAG"));
        json.addProperty("commit", env.get("COMMIT_URL"));
        json.addProperty("release", env.get("RELEASE_URL"));
        json.addProperty("review", firstSet(env, "REVIEW_URL", "COMMIT_URL"));
        json.addProperty("datetime", UTC_SECONDS.format(now));
        return json;
    }

    /** One graded test as an entry of {@code tests}; the message only where it lost points. */
    private static JsonObject testEntry(TestOutcome outcome) {
        JsonObject test = new JsonObject();
        test.addProperty("test-name", testName(outcome));
        test.addProperty("passed", outcome.status() == TestOutcome.Status.PASSED);
        test.addProperty("score", outcome.earned());
        test.addProperty("max-score", outcome.points());
        test.addProperty("category", outcome.category().title());
        if (outcome.status() != TestOutcome.Status.PASSED) {
            test.addProperty("message", outcome.message());
        }
        return test;
    }

    /** The release page: the score, the table per category, and what the lost tests said. */
    public static String releaseBody(List<TestOutcome> outcomes) {
        Score score = Score.of(outcomes);
        return ScoreMarkdown.report(String.format(Locale.ROOT, "### MemoLab: %d / %d", score.earned(), score.possible()), score);
    }

    /**
     * A test's name as Classroom 50 shows it: the category number, then the display name,
     * cut to the 100 bytes its names allow.
     */
    static String testName(TestOutcome outcome) {
        String name = outcome.category().number() + ". " + outcome.displayName();
        if (name.getBytes(StandardCharsets.UTF_8).length <= 100) {
            return name;
        }
        StringBuilder cut = new StringBuilder();
        name.codePoints().takeWhile(c -> (cut.toString() + Character.toString(c)).getBytes(StandardCharsets.UTF_8).length <= 97)
                .forEach(cut::appendCodePoint);
        return cut + "…"; // 3 bytes in UTF-8
    }

    private static String firstSet(Map<String, String> env, String... names) {
        for (String name : names) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return "";
    }
}
