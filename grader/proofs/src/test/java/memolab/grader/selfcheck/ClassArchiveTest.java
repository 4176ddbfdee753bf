package memolab.grader.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import memolab.grader.cli.GradeCommand;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch large enough for a class-data archive, graded by the grader's jar as an
 * instructor runs it (the in-process runs of the other tests have class folders on their
 * class path, where no archive can be made, so they take the path without one).
 */
class ClassArchiveTest {

    @Test
    @DisplayName("a batch graded by the jar makes its class-data archive once, and grades as without one")
    void batchMakesAndUsesTheArchive(@TempDir Path temp) throws Exception {
        Path classDir = temp.resolve("class");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Submissions.GRADER_JAR.toString(), "grade", "--jobs", "2", "--timeout", "120",
                "--out", temp.resolve("out").toString()));
        command.add(Submissions.materialize(classDir, "reference", null).toString());
        for (int i = 1; i < GradeCommand.CLASS_ARCHIVE_MIN; i++) {
            command.add(Submissions.materialize(classDir, "stubs-" + i, Submissions.STUBS).toString());
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(600, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(log).isZero();

        assertThat(log).contains("Preparing a class-data archive");
        assertThat(temp.resolve("out/.work/plan/suite-classes.jsa")).as(log).isNotEmptyFile();
        List<String> rows = Files.readAllLines(temp.resolve("out/gradebook.csv"), StandardCharsets.UTF_8);
        assertThat(rows).as(log).hasSize(GradeCommand.CLASS_ARCHIVE_MIN + 1);
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split(",");
            assertThat(cells[1]).as(row).isEqualTo("graded");
            assertThat(cells[2]).as(row).isEqualTo(cells[0].equals("reference") ? cells[3] : "0");
        }
        // A JVM that cannot map the archive says so on standard output: never in a student's report.
        try (Stream<Path> reports = Files.walk(temp.resolve("out"))) {
            for (Path report : reports.filter(p -> p.getFileName().toString().equals("feedback.md")).toList()) {
                assertThat(Files.readString(report)).as(report.toString()).doesNotContainIgnoringCase("shared archive")
                        .doesNotContain("[cds");
            }
        }
    }
}
