package memolab.grader.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import memolab.grader.grading.Folders;
import memolab.grader.grading.GradingPlan;
import memolab.grader.grading.SubmissionGrader;
import memolab.grader.late.LatePolicy;
import memolab.grader.template.StudentTemplate;
import memolab.grader.score.Score;
import memolab.grader.score.TestOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code release}: writes the student template, the starting point of every student's repository. */
@Command(name = "release",
        mixinStandardHelpOptions = true,
        header = "Write the student template, and beside it the course's Classroom 50 and Gradescope files.",
        description = {
            // One element per paragraph: picocli wraps each to the terminal's width.
            "Writes into <out> (empty or new) what a student's repository starts as: the stubs, the given files, "
                    + "the visible graded tests, the Maven wrapper, a student README, the GitHub workflow, and "
                    + "memolab-manifest.json (the fingerprints grade checks for edited files). No solutions, no hidden tests.",
            "Writes into <course-out> the instructor's files: classroom50/ (autograder.py and the grader jar "
                    + "without the hidden tests: the per-assignment bundle; assignment.json: the assignments.json entry) "
                    + "and gradescope/autograder.zip. Run it from this repository after ./mvnw package (or give --repo)."})
public final class ReleaseCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "<dir>", description = "where to write the template")
    Path out;

    @Option(names = "--repo", paramLabel = "<dir>", description = "this repository's root (default: found from the working directory)")
    Path repo;

    @Option(names = "--course-out", paramLabel = "<dir>", description = "where to write the course's files (default: <out>-course)")
    Path courseOut;

    @Option(names = "--template-repo", paramLabel = "<owner>/<name>[@<branch>]",
            description = "the GitHub repository the template will be pushed to, for the Classroom 50 entry "
                    + "(default: ${DEFAULT-VALUE}: edit it in assignment.json)")
    String templateRepo = "your-org/memolab-template";

    @Option(names = "--late", paramLabel = "<policy>",
            description = "a late policy for Gradescope's autograder, as grade --late takes it (e.g. grace=15m,10%%/day): "
                    + "it then reads each submission's time, due dates and extension from Gradescope's metadata and "
                    + "scores late work by it. Without it, the autograder applies no penalty")
    String late;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Optional<Path> root = repo != null ? Optional.of(repo) : StudentTemplate.findRepository(Path.of(""));
        if (root.isEmpty() || !Files.isDirectory(root.get().resolve(StudentTemplate.TEMPLATES))) {
            err.println("release reads this repository's files: run it inside the MemoLab repository, or give --repo.");
            return GraderCli.USAGE;
        }
        Path course = courseOut != null ? courseOut : out.resolveSibling(out.getFileName() + "-course");
        for (Path folder : List.of(out, course)) {
            if (Files.isDirectory(folder) && !isEmpty(folder)) {
                err.println(folder + " is not empty: give release an empty or new folder.");
                return GraderCli.USAGE;
            }
        }
        if (late != null) {
            try {
                LatePolicy.parse(late);
            } catch (LatePolicy.InvalidPolicyException e) {
                err.println(e.getMessage());
                return GraderCli.USAGE;
            }
        }
        Path work = Files.createTempDirectory("memolab-release");
        try {
            List<TestOutcome> visible = GradingPlan.prepare(work, false).outcomes();
            List<StudentTemplate.TemplateFile> files = StudentTemplate.files(root.get(), visible);
            List<StudentTemplate.TemplateFile> courseFiles = StudentTemplate.courseFiles(root.get(), visible, files, templateRepo, late);
            StudentTemplate.write(files, out);
            StudentTemplate.write(courseFiles, course);
            Score score = Score.of(visible);
            spec.commandLine().getOut().printf("Wrote the student template to %s: %d files, %d visible graded tests worth %d points.%n"
                    + "In it, ./mvnw test grades the stubs (0 / %d until they are written).%n"
                    + "Wrote the course's files to %s: classroom50/ (the bundle and the assignments.json entry for %s), "
                    + "gradescope/autograder.zip.%n",
                    out, files.size(), visible.size(), score.possible(), score.possible(), course, templateRepo);
            return GraderCli.OK;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return GraderCli.USAGE;
        } catch (java.io.IOException e) {
            err.println("release could not write the template: " + e.getMessage());
            return GraderCli.IO_ERROR;
        } finally {
            Folders.deleteTree(work);
        }
    }

    private static boolean isEmpty(Path dir) throws java.io.IOException {
        try (java.util.stream.Stream<Path> inside = Files.list(dir)) {
            return inside.findAny().isEmpty();
        }
    }
}
