package memolab.grader.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import memolab.grader.grading.Submission;
import memolab.grader.late.Deadlines;
import memolab.grader.late.Lateness;
import memolab.grader.report.FeedbackMarkdown;
import memolab.grader.report.Gradebook;
import memolab.grader.report.GradescopeJson;
import memolab.grader.score.PlainText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rescore}: a deadline and late policy applied again to a grade run's stored results, grading nothing. */
@Command(name = "rescore",
        mixinStandardHelpOptions = true,
        header = "Apply a deadline and late policy again to a grade run's folder, grading nothing.",
        description = {
            // One element per paragraph: picocli wraps each to the terminal's width.
            "For a changed policy, a new extension or corrected push times: takes each student's raw score from "
                    + "<out>/gradebook.csv and writes again the final score, the late columns and flags, the \"Deadline\" "
                    + "section of each feedback.md and the score of each results.json, then the class report. No test "
                    + "runs, and no test's result changes. Without --deadline, every penalty is removed."})
public final class RescoreCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "<dir>", description = "the folder of a grade run (default: grading)")
    Path out = Path.of("grading");

    @Mixin
    DeadlineOptions deadlineOptions = new DeadlineOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Deadlines deadlines;
        try {
            deadlines = deadlineOptions.read(null);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return GraderCli.USAGE;
        }
        Path gradebook = out.resolve("gradebook.csv");
        if (!Files.exists(gradebook)) {
            err.println("No gradebook.csv in " + out + ": rescore works on the folder of a grade run (--out).");
            return GraderCli.USAGE;
        }
        int unwritten = 0;
        Map<String, Lateness> judged;
        try {
            judged = Gradebook.rescore(gradebook, deadlines);
        } catch (IOException | IllegalStateException e) {
            err.println("The gradebook could not be rescored: " + PlainText.oneLine(String.valueOf(e.getMessage())));
            return GraderCli.IO_ERROR;
        }
        for (Map.Entry<String, Lateness> student : judged.entrySet()) {
            Path folder = out.resolve(Submission.folderName(student.getKey()));
            try {
                rewrite(folder.resolve("feedback.md"), text -> FeedbackMarkdown.rescored(text, student.getValue()));
                rewrite(folder.resolve("results.json"), text -> GradescopeJson.rescored(text, student.getValue()));
            } catch (IOException | IllegalArgumentException e) {
                unwritten++;
                err.println("  " + PlainText.oneLine(student.getKey()) + ": its reports could not be rescored: "
                        + PlainText.oneLine(String.valueOf(e.getMessage())));
            }
        }
        long late = judged.values().stream().filter(l -> !l.lateBy().isZero()).count();
        long penalised = judged.values().stream().filter(l -> l.penaltyPercent() > 0).count();
        spec.commandLine().getOut().printf(Locale.ROOT, "Rescored %d students in %s: %d late, %d with a penalty.%n",
                judged.size(), gradebook, late, penalised);
        spec.commandLine().getOut().flush();
        boolean reported = ReportCommand.writeClassReport(out, OptionalDouble.empty(), err);
        return unwritten > 0 || !reported ? GraderCli.IO_ERROR : GraderCli.OK;
    }

    /** Rewrites a stored report in place (whole, then moved); a student without one is left as is. */
    private static void rewrite(Path file, UnaryOperator<String> rewrite) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        Gradebook.replace(file, rewrite.apply(Files.readString(file, StandardCharsets.UTF_8)));
    }
}
