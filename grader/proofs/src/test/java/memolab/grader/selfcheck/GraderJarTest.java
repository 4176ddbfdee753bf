package memolab.grader.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Final grading by the grader's jar, as an instructor and Gradescope run it: the jar holds only
 * what its assembly puts in, where the other tests' in-process runs have every library of the
 * build on their class path. (The jar once left out ByteBuddy: the tests' JVM of every student
 * ended at its start when the runner reset AssertJ through a class that needs it, and an honest
 * test written with soft assertions was unsound in final grading while it passed in the
 * student's own run.)
 */
class GraderJarTest {

    @Test
    @DisplayName("the jar grades a student's own tests, soft assertions among them, as sound as the student's run shows them")
    void theJarGradesTheStudentsTests(@TempDir Path temp) throws Exception {
        Path submission = Submissions.materialize(temp.resolve("class"), "reference", null);
        Path tests = Files.createDirectories(submission.resolve("exercises/src/test/java/memolab"));
        for (String file : List.of("LruCacheTest.java", "FibonacciTest.java")) {
            Files.copy(Submissions.REPO.resolve("solutions/src/test/java/memolab").resolve(file), tests.resolve(file));
        }
        Files.copy(Submissions.REPO.resolve("grader/proofs/src/test/resources/your-tests/fixtures/soft-assertions/SoftTest.java"),
                tests.resolve("SoftTest.java"));
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                Submissions.GRADER_JAR.toString(), "grade", "--hidden", "--jobs", "1", "--out", temp.resolve("out").toString(),
                submission.toString()).redirectErrorStream(true).start();
        String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(600, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(log).isZero();

        List<String> rows = Files.readAllLines(temp.resolve("out/your-tests.csv"), StandardCharsets.UTF_8);
        assertThat(rows.get(0)).startsWith("student,tests,sound,");
        String[] row = rows.get(1).split(",");
        String feedback = Files.readString(temp.resolve("out/reference/feedback.md"), StandardCharsets.UTF_8);
        assertThat(row[2]).as("sound tests, of %s; %s", row[1], feedback).isEqualTo(row[1]);
        assertThat(Integer.parseInt(row[1])).as("the reference's tests and the two soft ones").isGreaterThan(2);
        assertThat(feedback).contains("## Your tests: 10 of 10");
    }
}
