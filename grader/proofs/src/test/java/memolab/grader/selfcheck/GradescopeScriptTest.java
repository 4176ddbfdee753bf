package memolab.grader.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Gradescope entry point, run as Gradescope runs it, on a copy of the reference. */
class GradescopeScriptTest {

    @Test
    @DisplayName("run_autograder grades /autograder/submission and writes results/results.json")
    void runAutograderWritesResults(@TempDir Path root) throws Exception {
        Submissions.materialize(root, "submission", null);
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
        JsonObject results = JsonParser.parseString(Files.readString(root.resolve("results/results.json"))).getAsJsonObject();
        assertThat(results.get("score").getAsInt()).as(log).isEqualTo(100);
        assertThat(results.getAsJsonArray("tests")).hasSizeGreaterThan(40);
    }
}
