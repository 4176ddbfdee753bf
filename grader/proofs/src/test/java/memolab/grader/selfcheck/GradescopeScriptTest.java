package memolab.grader.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import memolab.grader.cli.GraderCli;
import memolab.grader.template.StudentTemplate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The Gradescope entry point, run as Gradescope runs it: on a repository, on uploaded files, on the released template. */
class GradescopeScriptTest {

    @Test
    @DisplayName("run_autograder grades /autograder/submission and writes results/results.json")
    void runAutograderWritesResults(@TempDir Path root) throws Exception {
        Submissions.materialize(root, "submission", null);
        copyReferenceTests(Files.createDirectories(root.resolve("submission/exercises/src/test/java/memolab")));
        JsonObject results = runAutograder(root);
        assertThat(results.get("score").getAsInt()).as(results.toString()).isEqualTo(100);
        assertThat(results.getAsJsonArray("tests")).hasSizeGreaterThan(40);
        assertThat(results.get("output").getAsString()).contains("## Your tests: 10 of 10");
    }

    @Test
    @DisplayName("an upload of LruCache.java and Fibonacci.java alone, in any folder, one saved with a byte-order mark, is graded")
    void uploadedFilesAreGraded(@TempDir Path root) throws Exception {
        Path folder = Files.createDirectories(root.resolve("submission/my files"));
        Files.copy(Submissions.REFERENCE.resolve("Fibonacci.java"), folder.resolve("Fibonacci.java"));
        // As some Windows editors save it: a UTF-8 byte-order mark first, which javac rejects.
        Files.writeString(folder.resolve("LruCache.java"), "\uFEFF" + Files.readString(Submissions.REFERENCE.resolve("LruCache.java")));
        copyReferenceTests(folder); // the student's own tests, uploaded beside the code: LruCacheTest.java, FibonacciTest.java
        JsonObject results = runAutograder(root);
        assertThat(results.get("score").getAsInt()).as(results.toString()).isEqualTo(100);
        assertThat(results.get("output").getAsString()).contains("Graded the files uploaded in `my files`",
                "`LruCache.java` starts with a byte-order mark", "## Your tests: 10 of 10");
    }

    @Test
    @DisplayName("an upload with what macOS, Windows and editors leave beside the files scores as the files alone, the litter named")
    void uploadLitterIsLeftOut(@TempDir Path root) throws Exception {
        Path folder = Files.createDirectories(root.resolve("submission/my files"));
        for (String file : List.of("LruCache.java", "Fibonacci.java")) {
            Files.copy(Submissions.REFERENCE.resolve(file), folder.resolve(file));
            // AppleDouble, as a copy to a USB stick makes it: a binary header (0x00051607), not UTF-8, named like a source.
            Files.write(folder.resolve("._" + file), new byte[] {0, 5, 22, 7, 0, 2, 0, 0, (byte) 0xFF, (byte) 0xFE, 'M', 'a', 'c'});
        }
        Files.write(folder.resolve(".DS_Store"), new byte[] {0, 0, 0, 1, 'B', 'u', 'd', '1', (byte) 0xFF});
        Files.write(folder.resolve("Thumbs.db"), new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0});
        Files.writeString(folder.resolve("LruCache.java~"), "class Old {");
        Files.write(folder.resolve(".Fibonacci.java.swp"), new byte[] {'b', '0', 'V', 'I', 'M', 0, (byte) 0xFF});
        Files.write(Files.createDirectories(root.resolve("submission/__MACOSX/my files")).resolve("._Fibonacci.java"),
                new byte[] {0, 5, 22, 7, (byte) 0xFF});
        JsonObject results = runAutograder(root);
        // Every point of the suite; no tests of the student's own, so "Your tests" earns nothing: 90.
        assertThat(results.get("score").getAsInt()).as(results.toString()).isEqualTo(90);
        assertThat(results.get("output").getAsString()).contains("Left out unread", "._LruCache.java`", ".DS_Store`",
                "Thumbs.db`", ".Fibonacci.java.swp`").doesNotContain("UTF-8");
    }

    @Test
    @DisplayName("two LruCache.java in an upload is an error that names both, with a score of 0")
    void ambiguousUploadIsNamed(@TempDir Path root) throws Exception {
        for (String folder : List.of("submission/a", "submission/b")) {
            Files.createDirectories(root.resolve(folder));
            Files.copy(Submissions.REFERENCE.resolve("LruCache.java"), root.resolve(folder).resolve("LruCache.java"));
        }
        JsonObject results = runAutograder(root);
        assertThat(results.get("score").getAsInt()).isZero();
        assertThat(results.get("output").getAsString()).contains("more than one LruCache.java (`a/LruCache.java`, `b/LruCache.java`)");
    }

    @Test
    @DisplayName("the released template, unedited but for the student's files, is graded without a tampering flag")
    void unEditedTemplateIsNotFlagged(@TempDir Path root) throws Exception {
        Path template = root.resolve("template");
        CommandLine cli = GraderCli.commandLine();
        cli.setOut(new PrintWriter(new StringWriter()));
        assertThat(cli.execute("release", "--repo", Submissions.REPO.toString(), "--out", template.toString())).isZero();
        Path submission = root.resolve("gradescope/submission/memolab-main"); // a zip of the repository, with its top folder
        copyTree(template, submission);
        for (String file : List.of("LruCache.java", "Fibonacci.java")) {
            Files.copy(Submissions.REFERENCE.resolve(file), submission.resolve("exercises/src/main/java/memolab").resolve(file),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        Files.createDirectories(root.resolve("gradescope/source"));
        Files.copy(template.resolve(StudentTemplate.MANIFEST), root.resolve("gradescope/source").resolve(StudentTemplate.MANIFEST));
        JsonObject results = runAutograder(root.resolve("gradescope"));
        // Every point of the suite (90 of the grade), and the template's starter test: sound, catching no bug alone,
        // reaching some branches of the reference's LruCache.
        assertThat(results.get("score").getAsDouble()).as(results.toString()).isGreaterThan(90).isLessThan(100);
        assertThat(results.toString()).doesNotContain("FILES OF THE COURSE WERE CHANGED");
    }

    @Test
    @DisplayName("with release --late's policy, the score follows Gradescope's metadata: on time, in the grace period, late, "
            + "after the late due date, extended")
    void latePolicyFollowsGradescopesMetadata(@TempDir Path root) throws Exception {
        // Due 23:59 Pacific on 4 December, late work accepted until the 7th; 10 % per started day after a 15-minute grace.
        String due = "2026-12-04T23:59:00.000000-08:00";
        String lateDue = "2026-12-07T23:59:00.000000-08:00";
        record Case(String name, String createdAt, String ownDue, double score, String says) {
        }
        List<Case> cases = List.of(
                // The reference's code, no tests of its own: every point of the suite, none of "Your tests": 90 before any penalty.
                new Case("on time", "2026-12-04T23:50:12.365935-08:00", due, 90, "on time"),
                new Case("in the grace period", "2026-12-05T00:10:00.000000-08:00", due, 90, "No penalty applies"),
                new Case("late by 1 day 3 hours: two started days", "2026-12-06T03:00:00.000000-08:00", due, 72,
                        "Penalty: 20 % of 90, so the score is 72."),
                new Case("after the late due date", "2026-12-08T01:00:00.000000-08:00", due, 0, "Penalty: 100 %"),
                new Case("extended by two days", "2026-12-06T20:00:00.000000-08:00", "2026-12-06T23:59:00.000000-08:00", 90,
                        "The deadline (your extension) was 2026-12-07 07:59:00 UTC."));
        for (Case late : cases) {
            Path gradescope = root.resolve(late.name().replace(' ', '-').replace(':', '-'));
            Submissions.materialize(gradescope, "submission", null);
            Files.createDirectories(gradescope.resolve("source"));
            Files.writeString(gradescope.resolve("source").resolve(StudentTemplate.LATE_POLICY), "grace=15m,10%/day\n");
            // As Gradescope writes it (its documented example's fields; the users' own dates where an extension shows).
            Files.writeString(gradescope.resolve("submission_metadata.json"), """
                    {"id": 209522918, "created_at": "%s", "assignment_id": null,
                     "assignment": {"id": 3634596, "title": "LRU cache", "release_date": "2026-11-20T10:00:00.000000-08:00",
                       "due_date": "%s", "late_due_date": "%s", "total_points": "100.0", "course_id": 661371,
                       "group_submission": false, "group_size": null},
                     "users": [{"id": 2651667, "email": "student@example.com", "name": "Student User", "sid": "",
                       "assignment": {"release_date": "2026-11-20T10:00:00.000000-08:00", "due_date": "%s", "late_due_date": "%s"}}],
                     "submission_method": "upload", "previous_submissions": []}
                    """.formatted(late.createdAt(), due, lateDue, late.ownDue(), late.ownDue().equals(due) ? lateDue : late.ownDue()));
            JsonObject results = runAutograder(gradescope);
            assertThat(results.get("score").getAsDouble()).as(late.name() + ": " + results.get("output")).isEqualTo(late.score());
            assertThat(results.get("output").getAsString()).as(late.name()).contains(late.says());
            assertThat(results.getAsJsonArray("tests").asList().stream().mapToDouble(t -> t.getAsJsonObject().get("score").getAsDouble())
                    .sum()).as(late.name() + ": the tests keep their points").isEqualTo(100);
        }
    }

    /** The reference's own tests ("Your tests" answered in full) copied into {@code folder}. */
    private static void copyReferenceTests(Path folder) throws java.io.IOException {
        for (String file : List.of("LruCacheTest.java", "FibonacciTest.java")) {
            Files.copy(Submissions.REPO.resolve("solutions/src/test/java/memolab").resolve(file), folder.resolve(file));
        }
    }

    private static JsonObject runAutograder(Path root) throws Exception {
        String grader = Path.of(System.getProperty("java.home"), "bin", "java") + " -cp "
                + System.getProperty("java.class.path") + " memolab.grader.cli.GraderCli";
        ProcessBuilder run = new ProcessBuilder("bash", Submissions.REPO.resolve("grader/tools/gradescope/run_autograder").toString())
                .redirectErrorStream(true);
        run.environment().put("AUTOGRADER_ROOT", root.toString());
        run.environment().put("MEMOLAB_GRADER", grader);
        Process process = run.start();
        String log = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(log).isZero();
        return JsonParser.parseString(Files.readString(root.resolve("results/results.json"))).getAsJsonObject();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
    }
}
