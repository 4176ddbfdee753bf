package memolab.grader.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import memolab.grader.grading.GradingPlan;
import memolab.grader.grading.GradingResult;
import memolab.grader.grading.Submission;
import memolab.grader.grading.SubmissionGrader;
import memolab.grader.grading.TamperCheck;
import memolab.grader.release.Release;
import memolab.grader.report.FeedbackMarkdown;
import memolab.grader.report.Gradebook;
import memolab.grader.report.GradescopeJson;
import memolab.grader.score.TestOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code grade}: grades submissions, each in a JVM of its own, and writes the reports. */
@Command(name = "grade",
        mixinStandardHelpOptions = true,
        header = "Grade submissions: a report per student and a class gradebook.",
        description = {
            "Each <submission-dir> is a student's repository or its exercises folder; only the Java sources",
            "under exercises/src/main/java are used. With none, grades this repository's exercises/.",
            "Writes <out>/<student>/feedback.md and results.json (Gradescope's format), and <out>/gradebook.csv,",
            "one row per student, appended as each finishes: a new run skips the students already in it."})
public final class GradeCommand implements Callable<Integer> {

    /** The grader's scratch folder inside {@code --out}. */
    static final String WORK = ".work";

    /** Names in {@code --out} that are the grader's own, so no student's report folder may take them. */
    private static final Set<String> RESERVED = Set.of(WORK, "gradebook.csv", "gradebook.csv.bak");

    @Parameters(paramLabel = "<submission-dir>", arity = "0..*", description = "submissions to grade")
    List<Path> submissions = new ArrayList<>();

    @Option(names = "--hidden", description = "run the hidden tests too (final grading)")
    boolean hidden;

    @Option(names = "--jobs", paramLabel = "<n>", description = "submissions graded at once (default: ${DEFAULT-VALUE}, the cores)")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--out", paramLabel = "<dir>", description = "where the reports go (default: ${DEFAULT-VALUE})")
    Path out = Path.of("grading");

    @Option(names = "--timeout", paramLabel = "<seconds>", description = "wall-clock limit per submission (default: ${DEFAULT-VALUE})")
    long timeout = 300;

    @Option(names = "--force", description = "grade every submission again, starting a new gradebook")
    boolean force;

    @Option(names = "--template", paramLabel = "<dir>",
            description = "the released student template (its memolab-manifest.json) to check protected files against; "
                    + "default: made from this repository when run inside it")
    Path template;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        if (jobs < 1 || timeout < 1) {
            err.println("--jobs and --timeout must be at least 1");
            return GraderCli.USAGE;
        }
        List<Path> paths = submissions.isEmpty() ? defaultSubmission(err) : submissions;
        if (paths.isEmpty()) {
            return GraderCli.USAGE;
        }
        Set<String> folders = new HashSet<>();
        for (Path path : paths) {
            String folder = Submission.folderName(Submission.nameOf(path));
            if (RESERVED.contains(folder.toLowerCase(Locale.ROOT))) {
                err.println("A submission is named " + Submission.nameOf(path) + ", a name the grader uses for its own files in "
                        + out + ". Rename its folder.");
                return GraderCli.USAGE;
            }
            // Reports go to a folder per student; names that differ only in case or in characters a file name
            // cannot hold would share it.
            if (!folders.add(folder.toLowerCase(Locale.ROOT))) {
                err.println("Two submissions would share the report folder " + out.resolve(folder) + " (" + Submission.nameOf(path)
                        + "): reports would overwrite each other. Give each its own folder name.");
                return GraderCli.USAGE;
            }
        }
        Files.createDirectories(out);
        Path gradebookFile = out.resolve("gradebook.csv");
        if (force && Files.exists(gradebookFile)) {
            Files.move(gradebookFile, out.resolve("gradebook.csv.bak"), StandardCopyOption.REPLACE_EXISTING);
        }
        Set<String> done = Gradebook.graded(gradebookFile);
        List<Path> todo = paths.stream().filter(p -> !done.contains(Submission.nameOf(p))).toList();
        if (todo.size() < paths.size()) {
            err.printf("%d submission(s) already in %s were skipped (--force grades them again).%n",
                    paths.size() - todo.size(), gradebookFile);
        }
        long start = System.nanoTime();
        err.println("Preparing the graded suite" + (hidden ? " (hidden tests included)" : "") + "...");
        // The plan and the submissions get separate scratch folders: a student may well be called "stubs".
        GradingPlan plan = GradingPlan.prepare(out.resolve(WORK).resolve("plan"), hidden);
        SubmissionGrader grader = new SubmissionGrader(plan, out.resolve(WORK).resolve("submissions"), hidden, timeout);
        Map<String, String> manifest = manifest(plan, err);
        Progress progress = new Progress(err, todo.size());
        List<GradingResult> results = new ArrayList<>();
        try (Gradebook gradebook = Gradebook.open(gradebookFile)) {
            ExecutorService pool = Executors.newFixedThreadPool(jobs);
            try {
                List<Future<GradingResult>> futures = new ArrayList<>();
                for (Path path : todo) {
                    futures.add(pool.submit(() -> {
                        GradingResult result = TamperCheck.flag(grader.grade(path), path, manifest);
                        writeReports(result);
                        gradebook.append(result);
                        progress.done(result);
                        return result;
                    }));
                }
                for (Future<GradingResult> future : futures) {
                    results.add(future.get());
                }
            } catch (ExecutionException e) {
                throw new IOException("writing the reports failed", e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        stdout.print(summary(results, seconds));
        stdout.flush();
        return results.stream().anyMatch(r -> r.status() == GradingResult.Status.GRADER_ERROR)
                ? GraderCli.SOME_NOT_GRADED : GraderCli.OK;
    }

    private void writeReports(GradingResult result) throws IOException {
        Path folder = out.resolve(Submission.folderName(result.student()));
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("feedback.md"), FeedbackMarkdown.render(result), StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("results.json"), GradescopeJson.render(result), StandardCharsets.UTF_8);
    }

    private String summary(List<GradingResult> results, double seconds) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%-24s %-26s %9s %8s%n", "Student", "Status", "Score", "Time"));
        for (GradingResult result : results) {
            text.append(String.format(Locale.ROOT, "%-24s %-26s %4d / %-3d %6.1f s%n", result.student(),
                    result.status().name().toLowerCase(Locale.ROOT).replace('_', ' '), result.score().earned(),
                    result.score().possible(), result.timings().total()));
        }
        text.append(String.format(Locale.ROOT, "Graded %d submission(s) in %.1f s (%d at once): %.1f per minute. Reports in %s%n",
                results.size(), seconds, jobs, seconds == 0 ? 0 : results.size() * 60 / seconds, out));
        List<GradingResult> ran = results.stream().filter(r -> r.timings().suite() > 0).toList();
        if (!ran.isEmpty()) {
            text.append(String.format(Locale.ROOT, "Median per submission that ran: compile %.2f s, JVM start %.2f s, suite %.2f s%n",
                    median(ran.stream().mapToDouble(r -> r.timings().compile()).toArray()),
                    median(ran.stream().mapToDouble(r -> r.timings().jvmStart()).toArray()),
                    median(ran.stream().mapToDouble(r -> r.timings().suite()).toArray())));
        }
        return text.toString();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /**
     * The protected files' fingerprints: from {@code --template}, else made from this
     * repository, else none (and a note that edits are not checked).
     */
    private Map<String, String> manifest(GradingPlan plan, PrintWriter err) throws IOException {
        if (template != null) {
            return Release.readManifest(template.resolve(Release.MANIFEST));
        }
        Optional<Path> repo = ReleaseCommand.findRepository();
        if (repo.isPresent() && Files.isDirectory(repo.get().resolve(Release.TEMPLATES))) {
            List<TestOutcome> visible = plan.outcomes().stream().filter(o -> !o.hidden()).toList();
            return Release.fingerprints(Release.files(repo.get(), visible));
        }
        err.println("Not checking students' copies of the course files: no --template given and no MemoLab repository here.");
        return Map.of();
    }

    /** This repository's exercises folder, found from the working directory upwards. */
    private static List<Path> defaultSubmission(PrintWriter err) {
        Optional<Path> repo = ReleaseCommand.findRepository();
        if (repo.isEmpty()) {
            err.println("No <submission-dir> given, and no MemoLab repository around the working directory.");
        }
        return repo.map(r -> List.of(r.resolve("exercises"))).orElse(List.of());
    }

    /** Progress on standard error: a bar on a console, one line per submission otherwise. */
    private static final class Progress {
        private final PrintWriter err;
        private final int total;
        private final AtomicInteger finished = new AtomicInteger();
        private final boolean console = System.console() != null;

        Progress(PrintWriter err, int total) {
            this.err = err;
            this.total = total;
        }

        synchronized void done(GradingResult result) {
            int n = finished.incrementAndGet();
            int width = 30;
            int filled = total == 0 ? width : width * n / total;
            String line = String.format(Locale.ROOT, "[%s%s] %d/%d %s: %d / %d", "#".repeat(filled), ".".repeat(width - filled),
                    n, total, result.student(), result.score().earned(), result.score().possible());
            if (console) {
                err.print("\r" + line + " ".repeat(10) + (n == total ? "\n" : ""));
            } else {
                err.println(line);
            }
            err.flush();
        }
    }
}
