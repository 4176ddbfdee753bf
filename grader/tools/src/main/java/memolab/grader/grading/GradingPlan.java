package memolab.grader.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import memolab.grader.runner.JavaSources;
import memolab.grader.runner.SuiteRunner;
import memolab.grader.score.TestOutcome;

/**
 * What every submission of a batch is graded against, prepared once: the graded suite's
 * location, the pristine given files, the stubs compiled (for API checks), and the list of
 * graded tests (each not run yet), found by discovery against the stubs.
 *
 * @param suiteRoot    the folder or jar of the suite's classes
 * @param givenSources the given files to compile with each submission
 * @param stubClasses  the stubs, compiled
 * @param outcomes     every graded test of the run, not run yet
 */
public record GradingPlan(Path suiteRoot, List<Path> givenSources, Path stubClasses, List<TestOutcome> outcomes) {

    /** The message of a test the run never reached (replaced by the reason when the run stops early). */
    static final String NOT_REACHED = "Not run: the run stopped before this test.";

    /** Prepares a plan in {@code work} (a scratch folder of the batch). */
    public static GradingPlan prepare(Path work, boolean hidden) throws IOException {
        Path given = work.resolve("given");
        Path stubs = work.resolve("stubs");
        Folders.deleteTree(given);
        Folders.deleteTree(stubs);
        GraderFiles.copyGiven(given);
        GraderFiles.copyStubs(stubs.resolve("src"));
        List<Path> givenSources = javaFiles(given);
        List<Path> stubSources = Stream.concat(javaFiles(stubs.resolve("src")).stream(), givenSources.stream()).toList();
        JavaSources.Compilation compilation = JavaSources.compile(stubSources, stubs.resolve("classes"));
        if (!compilation.success()) {
            throw new IllegalStateException("the grader's own stubs do not compile: " + compilation.messages());
        }
        Path suite = GraderFiles.suiteRoot();
        List<TestOutcome> outcomes = SuiteRunner.plan(List.of(stubs.resolve("classes")), List.of(suite), hidden).stream()
                .map(o -> o.with(TestOutcome.Status.NOT_RUN, NOT_REACHED)).toList();
        if (outcomes.isEmpty()) {
            throw new IllegalStateException("the graded suite at " + suite + " holds no graded test");
        }
        return new GradingPlan(suite, givenSources, stubs.resolve("classes"), outcomes);
    }

    private static List<Path> javaFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }
}
