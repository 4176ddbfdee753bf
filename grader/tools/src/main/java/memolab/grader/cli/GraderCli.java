package memolab.grader.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The grader's command line: {@code java -jar grader/target/memolab-grader.jar <command>}. */
@Command(name = "memolab-grader",
        mixinStandardHelpOptions = true,
        version = "MemoLab grader 1.0.0",
        header = "Grades MemoLab submissions with the graded suite.",
        subcommands = {GradeCommand.class, ReportCommand.class, RescoreCommand.class, ReleaseCommand.class, CollectCommand.class,
            CommandLine.HelpCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {
            "  " + GraderCli.OK + "  every submission was graded (a submission that does not compile or",
            "     crashes is graded too: it gets its report and its score)",
            "  " + GraderCli.SOME_NOT_GRADED + "  the grader itself failed on some submission: grade it again",
            "     (collect: some repository could not be collected; submissions.csv says why)",
            "  " + GraderCli.USAGE + "  the command line was wrong",
            "  " + GraderCli.SETUP + "  the grader could not start (no JDK compiler, the graded suite missing)",
            "  " + GraderCli.IO_ERROR + "  a file could not be read or written (the --out folder, a report,",
            "     the gradebook, --template's manifest, release's --out); what was",
            "     written is kept, and the students not in the gradebook grade next time"})
public final class GraderCli {

    public static final int OK = 0;
    public static final int SOME_NOT_GRADED = 1;
    public static final int USAGE = 2;
    public static final int SETUP = 3;
    public static final int IO_ERROR = 4;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line, ready to {@code execute}; tests run it in-process. */
    public static CommandLine commandLine() {
        return new CommandLine(new GraderCli())
                .setExitCodeExceptionMapper(e -> e instanceof IOException || e instanceof UncheckedIOException ? IO_ERROR : SETUP)
                .setParameterExceptionHandler((e, args) -> {
                    e.getCommandLine().getErr().println(e.getMessage());
                    e.getCommandLine().usage(e.getCommandLine().getErr());
                    return USAGE;
                });
    }
}
