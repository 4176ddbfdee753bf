package memolab.grader.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import memolab.grader.report.ClassReport;
import memolab.grader.score.PlainText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code report}: the class report written again from a grading run's folder, grading nothing. */
@Command(name = "report",
        mixinStandardHelpOptions = true,
        header = "Write the class report again from a grade run's folder, grading nothing.",
        description = {
            // One element per paragraph: picocli wraps each to the terminal's width.
            "Writes <out>/class-report.md and <out>/class-report.html from what a grade run stored there "
                    + "(gradebook.csv, each student's results.json, similarity.csv): the scores, each test's pass rate, "
                    + "the most frequent failures, who was not graded normally, the flags. grade writes it too, at the "
                    + "end of every run. The report names students: it is the instructor's, like the gradebook."})
public final class ReportCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "<dir>", description = "the folder of a grade run (default: grading)")
    Path out = Path.of("grading");

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return writeClassReport(out, OptionalDouble.empty(), spec.commandLine().getErr()) ? GraderCli.OK : GraderCli.IO_ERROR;
    }

    /** Writes the report, says where, or says why it could not; whether it was written. */
    static boolean writeClassReport(Path out, OptionalDouble seconds, PrintWriter err) {
        try {
            Path markdown = ClassReport.write(out, seconds);
            err.println("Class report: " + markdown + " and " + markdown.resolveSibling("class-report.html"));
            return true;
        } catch (IOException | RuntimeException e) {
            err.println("The class report could not be written: " + PlainText.oneLine(String.valueOf(e.getMessage())));
            return false;
        } finally {
            err.flush();
        }
    }
}
