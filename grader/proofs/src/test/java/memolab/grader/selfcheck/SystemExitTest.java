package memolab.grader.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import memolab.grader.junit.ScoreListener;
import memolab.grader.runner.SuiteRunner;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A submission that calls System.exit ends the JVM in the middle of the suite. In a JVM of
 * its own, the rules must already have reported it and the score listener must print what
 * was graded and why the run stopped.
 */
class SystemExitTest {

    /** Runs the visible suite on a compiled submission, as a student's test run would. */
    public static void main(String[] args) throws IOException {
        SuiteRunner.run(List.of(Path.of(args[0])), List.of(Path.of(args[1])), false, new ScoreListener());
    }

    @Test
    @DisplayName("System.exit in student code: the run stops, the score so far and the reason are printed")
    void exitIsExplained() throws Exception {
        Path classes = Submissions.compileVariant(Submissions.HOSTILE, "system-exit");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                SystemExitTest.class.getName(), classes.toString(), Submissions.suiteClasses().toString())
                .redirectErrorStream(true)
                .start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the child JVM ended").isTrue();
        String text = new String(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("exit code set by the submission's System.exit(1)\n%s", text).isEqualTo(1);
        assertThat(text)
                .contains("THE TEST RUN STOPPED BEFORE IT FINISHED, during the test \"a negative n is rejected with IllegalArgumentException\"")
                .contains("System.exit")
                .contains("- [7 Rules of the exercise] no System.exit and no Runtime (0 / 2)")
                .contains("Method <memolab.Fibonacci.fib(int)> calls method <java.lang.System.exit(int)>");
    }
}
