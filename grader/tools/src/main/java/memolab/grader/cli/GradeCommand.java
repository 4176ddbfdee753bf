package memolab.grader.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import memolab.grader.classroom.Classroom50;
import memolab.grader.shared.Statistics;
import memolab.grader.grading.GradingPlan;
import memolab.grader.grading.GradingResult;
import memolab.grader.grading.Submission;
import memolab.grader.grading.SubmissionGrader;
import memolab.grader.grading.TamperCheck;
import memolab.grader.late.Deadlines;
import memolab.grader.late.Lateness;
import memolab.grader.template.StudentTemplate;
import memolab.grader.grading.GraderFiles;
import memolab.grader.grading.Rubric;
import memolab.grader.grading.YourTests;
import memolab.grader.grading.YourTestsReport;
import memolab.grader.owntests.BugCorpus;
import memolab.grader.report.FeedbackMarkdown;
import memolab.grader.report.YourTestsCsv;
import memolab.grader.report.Gradebook;
import memolab.grader.report.GradescopeJson;
import memolab.grader.similarity.SimilarityReport;
import memolab.grader.score.PlainText;
import memolab.grader.score.TestOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code grade}: grades submissions, each in a JVM of its own, and writes the reports. */
@Command(name = "grade",
        mixinStandardHelpOptions = true,
        header = "Grade submissions: a report per student and a class gradebook.",
        description = {
            "Each <submission-dir> is a student's repository (or its exercises folder,",
            "or a folder that holds one further down), or a folder of uploaded files:",
            "LruCache.java and Fibonacci.java, wherever they are. Only the student's",
            "package memolab is used. With none, grades this repository's exercises/.",
            "Writes <out>/<student>/feedback.md and results.json (Gradescope's format),",
            "and <out>/gradebook.csv, one row per student, appended as each finishes:",
            "a new run skips the students already in it."})
public final class GradeCommand implements Callable<Integer> {

    /** The grader's scratch folder inside {@code --out}. */
    static final String WORK = ".work";

    /**
     * From this many submissions on, a batch first makes a class-data archive for the suite's
     * JVMs ({@link SubmissionGrader#withClassArchive}): it costs one run on the stubs, about
     * 2 s, and saves about 0.3 s of processor time in each run after it.
     */
    public static final int CLASS_ARCHIVE_MIN = 8;

    /** Names in {@code --out} that are the grader's own, so no student's report folder may take them. */
    private static final Set<String> RESERVED = Set.of(WORK, "gradebook.csv", "gradebook.csv.bak", "similarity.csv",
            "similarity.md", "similarity-jplag.zip", "similarity-jplag");

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

    @Option(names = "--regrade", description = "grade the given submissions again, replacing their rows in the gradebook "
            + "(the other students' rows stay)")
    boolean regrade;

    @Option(names = "--template", paramLabel = "<dir>",
            description = "the released student template (its memolab-manifest.json) to check protected files against; "
                    + "default: made from this repository when run inside it")
    Path template;

    @Option(names = "--classroom50", paramLabel = "<dir>",
            description = "also write Classroom 50's result.json and release-body.md into <dir> (one submission; "
                    + "the runner's variables CLASSROOM, ASSIGNMENT, ... name it)")
    Path classroom50;

    @Option(names = "--similarity", description = "also compare the students' sources pairwise with JPlag (the stubs "
            + "excluded): similarity.csv, similarity.md, similarity-jplag.zip, and two gradebook columns. Changes no score; "
            + "students never see it")
    boolean similarity;

    @Option(names = "--similarity-against", paramLabel = "<dir>", description = "also compare every student with these "
            + "sources (each folder or .java file in <dir> is one, e.g. solutions found online); implies --similarity")
    Path similarityAgainst;

    @Option(names = "--similarity-threshold", paramLabel = "<percent>", description = "the lowest average similarity similarity.csv "
            + "lists (default: ${DEFAULT-VALUE})")
    int similarityThreshold = (int) Math.round(SimilarityReport.DEFAULT_THRESHOLD * 100);

    @Mixin
    DeadlineOptions deadlineOptions = new DeadlineOptions();

    /** The deadlines the reports judge by, from {@link #deadlineOptions}. */
    private Deadlines deadlines = Deadlines.none();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        List<Path> paths = submissions.isEmpty() ? defaultSubmission() : submissions;
        Optional<String> usageError = checkOptions(paths).or(() -> checkReportFolders(paths)).or(() -> readDeadlines(paths));
        if (usageError.isPresent()) {
            err.println(usageError.get());
            return GraderCli.USAGE;
        }
        if (!regrade) { // a regrade gives some students only
            deadlines.extensionsMatchingNone(paths.stream().map(Submission::nameOf).toList()).forEach(name -> err.println(
                    "The extensions file names " + PlainText.oneLine(name) + ", who is not among the submissions: check the name."));
        }
        Path gradebookFile = prepareOutFolder();
        List<Path> todo = notYetGraded(paths, gradebookFile, err);
        long start = System.nanoTime();
        GradingPlan plan = prepareSuite(err);
        Batch batch = gradeAll(todo, plan, manifest(plan, err), gradebookFile, err);
        double seconds = (System.nanoTime() - start) / 1e9;
        printSummary(batch.results, batch.yourTests.values(), seconds);
        if (similarity || similarityAgainst != null) {
            compareSources(paths, gradebookFile, err);
        }
        if (classroom50 != null && !batch.results.isEmpty()) {
            writeClassroom50(batch.results.get(0));
        }
        boolean reported = ReportCommand.writeClassReport(out, OptionalDouble.of(seconds), err);
        int exit = exitCode(batch, err);
        return exit == GraderCli.OK && !reported ? GraderCli.IO_ERROR : exit;
    }

    /**
     * The similarity report over every submission given (graded now or in an earlier run),
     * and its two gradebook columns. A submission whose sources cannot be found is left out
     * and named; the report is the instructor's alone.
     */
    private void compareSources(List<Path> paths, Path gradebookFile, PrintWriter err) throws IOException {
        err.println("Comparing the sources for similarity (JPlag)...");
        Map<String, List<Path>> sources = new LinkedHashMap<>();
        for (Path path : paths) {
            try {
                Submission located = Submission.locate(path);
                sources.put(located.student(), located.sources());
            } catch (Submission.InvalidSubmissionException e) {
                err.println("  not compared: " + PlainText.oneLine(Submission.nameOf(path)) + ": " + PlainText.oneLine(e.getMessage()));
            }
        }
        SimilarityReport.Result result = SimilarityReport.compare(sources, similarityAgainst, out.resolve(WORK).resolve("similarity"),
                out, similarityThreshold / 100.0);
        Map<String, Map.Entry<Double, String>> highest = new LinkedHashMap<>();
        result.highestPerStudent().forEach((student, pair) -> highest.put(student,
                Map.entry(pair.average(), pair.first().equals(student) ? pair.second() : pair.first())));
        Gradebook.setSimilarity(gradebookFile, highest);
        long listed = result.pairs().stream().filter(p -> p.average() >= similarityThreshold / 100.0).count();
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(Locale.ROOT, "Similarity: %d submissions compared in %.1f s, %d pair(s) at or above %d %%: %s, %s%n",
                result.compared().size(), result.seconds(), listed, similarityThreshold, out.resolve("similarity.md"),
                out.resolve("similarity.csv"));
        result.pairs().stream().limit(3).forEach(pair -> stdout.printf(Locale.ROOT, "  %3.0f %%  %s and %s%n",
                pair.average() * 100, PlainText.oneLine(pair.first()), PlainText.oneLine(pair.second())));
        stdout.flush();
    }

    /**
     * Whether JPlag is on the class path: the course's grader jar has it, the visible jar leaves
     * it out. Asked by name: loading SimilarityReport without JPlag fails already.
     */
    private static boolean jplagAvailable() {
        try {
            Class.forName("de.jplag.JPlag", false, GradeCommand.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** What is wrong with the options, if anything. */
    private Optional<String> checkOptions(List<Path> paths) {
        if (jobs < 1 || timeout < 1) {
            return Optional.of("--jobs and --timeout must be at least 1");
        }
        if (paths.isEmpty()) {
            return Optional.of("No <submission-dir> given, and no MemoLab repository around the working directory.");
        }
        if (force && regrade) {
            return Optional.of("--force starts a new gradebook, --regrade replaces some rows of the old one: give one of them.");
        }
        if (similarityThreshold < 0 || similarityThreshold > 100) {
            return Optional.of("--similarity-threshold is a percentage: 0 to 100.");
        }
        if ((similarity || similarityAgainst != null) && !jplagAvailable()) {
            // Said before grading, not after a whole class was graded.
            return Optional.of("--similarity needs JPlag, which this jar leaves out (the visible jar of a Classroom 50 "
                    + "bundle): run memolab-grader.jar from the course repository.");
        }
        if (similarityAgainst != null && !Files.isDirectory(similarityAgainst)) {
            return Optional.of("--similarity-against " + similarityAgainst + ": no such folder.");
        }
        if (classroom50 != null && paths.size() != 1) {
            return Optional.of("--classroom50 writes the result of one submission: give exactly one <submission-dir>.");
        }
        if (hidden && Rubric.course().yourTestsCount() && GraderFiles.hasBugCorpus() && !GraderFiles.hasCompiledBugCorpus()) {
            // Said before grading: each student's own tests would otherwise fail on it, one report after another.
            return Optional.of("This grader's bug corpus, which the students' own tests run on, was not compiled when the "
                    + "grader was built (run from class folders without Maven's process-classes step?): build it with "
                    + "./mvnw -B package and grade with grader/target/memolab-grader.jar.");
        }
        return Optional.empty();
    }

    /** Reads the deadline options into {@link #deadlines}; what is wrong with them, if anything. */
    private Optional<String> readDeadlines(List<Path> paths) {
        try {
            deadlines = deadlineOptions.read(paths.size() == 1 ? Submission.nameOf(paths.get(0)) : null);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * Reports go to a folder per student: a name the grader uses itself, or two names that
     * differ only in case or in characters a file name cannot hold, would make reports collide.
     */
    private Optional<String> checkReportFolders(List<Path> paths) {
        Set<String> folders = new HashSet<>();
        for (Path path : paths) {
            String folder = Submission.folderName(Submission.nameOf(path));
            if (RESERVED.contains(folder.toLowerCase(Locale.ROOT))) {
                return Optional.of("A submission is named " + PlainText.oneLine(Submission.nameOf(path)) + ", a name the grader uses for its own "
                        + "files in " + out + ". Rename its folder.");
            }
            if (!folders.add(folder.toLowerCase(Locale.ROOT))) {
                return Optional.of("Two submissions would share the report folder " + out.resolve(folder) + " ("
                        + PlainText.oneLine(Submission.nameOf(path)) + "): reports would overwrite each other. Give each its own folder name.");
            }
        }
        return Optional.empty();
    }

    /** Makes {@code --out}; with {@code --force}, moves an old gradebook aside. Returns the gradebook's path. */
    private Path prepareOutFolder() throws IOException {
        Files.createDirectories(out);
        Path gradebookFile = out.resolve("gradebook.csv");
        if (force && Files.exists(gradebookFile)) {
            Files.move(gradebookFile, out.resolve("gradebook.csv.bak"), StandardCopyOption.REPLACE_EXISTING);
        }
        return gradebookFile;
    }

    /** The submissions not in the gradebook yet: a run that was interrupted goes on where it stopped. */
    private List<Path> notYetGraded(List<Path> paths, Path gradebookFile, PrintWriter err) throws IOException {
        if (regrade) {
            Gradebook.remove(gradebookFile, paths.stream().map(path -> PlainText.oneLine(Submission.nameOf(path)))
                    .collect(java.util.stream.Collectors.toSet()));
        }
        Set<String> done = Gradebook.graded(gradebookFile);
        List<Path> todo = paths.stream().filter(p -> !done.contains(PlainText.oneLine(Submission.nameOf(p)))).toList();
        if (todo.size() < paths.size()) {
            err.printf("%d submission(s) already in %s were skipped (--force grades them again).%n",
                    paths.size() - todo.size(), gradebookFile);
        }
        return todo;
    }

    /** The suite's graded tests, found against the stubs, and the grader's copies of the given files. */
    private GradingPlan prepareSuite(PrintWriter err) throws IOException {
        err.println("Preparing the graded suite" + (hidden ? " (hidden tests included)" : "") + "...");
        // The plan and the submissions get separate scratch folders: a student may well be called "stubs".
        return GradingPlan.prepare(out.resolve(WORK).resolve("plan"), hidden);
    }

    /** What a run produced: every result, and the students whose reports could not be written. */
    private static final class Batch {
        final List<GradingResult> results = new ArrayList<>();
        final Queue<String> unwritten = new ConcurrentLinkedQueue<>();
        final Map<String, YourTestsReport> yourTests = new java.util.concurrent.ConcurrentSkipListMap<>();
    }

    /** The batch's grader: for {@link #CLASS_ARCHIVE_MIN} submissions or more, one whose JVMs start from a class-data archive. */
    private SubmissionGrader grader(GradingPlan plan, int submissions, PrintWriter err) {
        SubmissionGrader grader = new SubmissionGrader(plan, out.resolve(WORK).resolve("submissions"), hidden, timeout);
        if (submissions < CLASS_ARCHIVE_MIN) {
            return grader;
        }
        err.println("Preparing a class-data archive for the suite's JVMs...");
        return grader.withClassArchive(out.resolve(WORK).resolve("plan").resolve("suite-classes.jsa"));
    }

    /**
     * The memory one submission needs to run its own tests beside its suite: the suite's JVM,
     * the tests' JVM and a compiler JVM, each with a heap of 512 MB, with room for what each
     * JVM holds beside its heap.
     */
    static final long BESIDE_MEMORY = 3L << 30;

    /** The machine's memory (a container's, where the JVM sees its limit); 0 when the JVM does not say. */
    private static long memory() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean system ? system.getTotalMemorySize() : 0;
    }

    /** Grades {@code todo}, {@code --jobs} at once; each result is reported and in the gradebook as soon as it is known. */
    private Batch gradeAll(List<Path> todo, GradingPlan plan, Map<String, String> manifest, Path gradebookFile, PrintWriter err)
            throws IOException, InterruptedException {
        SubmissionGrader grader = grader(plan, todo.size(), err);
        // Final grading measures the students' own tests, when the course's rubric gives them points.
        Rubric rubric = Rubric.course();
        if (hidden && rubric.yourTestsCount() && !GraderFiles.hasBugCorpus()) {
            err.println("This grader carries no bug corpus (the visible jar?): the students' own tests are not measured, and "
                    + "the totals are the suite's alone. Grade with grader/target/memolab-grader.jar.");
        }
        YourTests measure = hidden && rubric.yourTestsCount() && GraderFiles.hasBugCorpus()
                ? new YourTests(() -> {
                    long started = System.nanoTime();
                    BugCorpus corpus = BugCorpus.prepare(out.resolve(WORK).resolve("bugs"));
                    err.printf(Locale.ROOT, "Prepared the bug corpus the students' own tests run on (%d bugs) in %.1f s.%n",
                            corpus.bugs().size(), (System.nanoTime() - started) / 1e9);
                    return corpus;
                }, plan.stubClasses(),
                        rubric.yourTestsPoints(), grader.archiveFlags())
                : null;
        Progress progress = new Progress(err, todo.size());
        Batch batch = new Batch();
        // With a core to spare for each submission graded at once (one push graded on a platform, say), and the memory, a
        // submission's own tests run beside its suite, on the other core, rather than after it. A batch that keeps every
        // core busy already runs its submissions side by side: there, two JVMs per submission would crowd the suites'
        // timing tests.
        int atOnce = Math.min(jobs, todo.size());
        ExecutorService beside = measure != null && atOnce * 2 <= Runtime.getRuntime().availableProcessors()
                && memory() >= atOnce * BESIDE_MEMORY ? Executors.newFixedThreadPool(jobs) : null;
        try (Gradebook gradebook = Gradebook.open(gradebookFile)) {
            ExecutorService pool = Executors.newFixedThreadPool(jobs);
            try {
                List<Future<GradingResult>> futures = new ArrayList<>();
                for (Path path : todo) {
                    futures.add(pool.submit(() -> gradeOne(path, grader, measure, beside, manifest, gradebook, batch, progress)));
                }
                for (Future<GradingResult> future : futures) {
                    batch.results.add(future.get());
                }
            } catch (ExecutionException e) {
                throw new IllegalStateException("grading stopped on an unexpected error", e.getCause());
            } finally {
                pool.shutdownNow();
                if (beside != null) {
                    beside.shutdownNow();
                }
            }
        }
        if (measure != null) {
            YourTestsCsv.write(out.resolve(YourTestsCsv.FILE), batch.yourTests);
        }
        return batch;
    }

    /**
     * One submission: graded, checked against the template, its reports written and its row
     * appended. A report that cannot be written is noted, and the others go on. With
     * {@code beside}, the student's own tests start there once the suite is about to run.
     */
    private GradingResult gradeOne(Path path, SubmissionGrader grader, YourTests tests, ExecutorService beside,
            Map<String, String> manifest, Gradebook gradebook, Batch batch, Progress progress) {
        // The student's classes passed the gate and the suite starts on them: the own tests may run on them too, and when
        // there is a core to spare they start now, beside the suite.
        java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();
        List<Future<YourTestsReport>> besideSuite = new ArrayList<>(1);
        GradingResult result = grader.grade(path, () -> {
            started.set(true);
            if (tests != null && beside != null) {
                besideSuite.add(beside.submit(() -> grader.measure(tests, path, true)));
            }
        });
        if (tests != null) {
            result = result.withYourTests(besideSuite.isEmpty() ? grader.measure(tests, path, started.get())
                    : SubmissionGrader.measured(besideSuite.get(0), tests));
            batch.yourTests.put(result.student(), result.yourTests());
        }
        try {
            result = TamperCheck.flag(result, path, manifest);
        } catch (IOException | RuntimeException | Error e) {
            result = result.flaggedOnly("course files not checked: " + PlainText.clean(String.valueOf(e.getMessage()), 200));
        }
        Lateness lateness = deadlines.judge(result.student(), result.total());
        for (String flag : lateness.flags()) {
            result = result.flaggedOnly(flag);
        }
        String collected = deadlines.collectFlags(result.student());
        if (!collected.isBlank()) {
            result = result.flaggedOnly(collected);
        }
        try {
            writeReports(result, lateness);
            gradebook.append(result, lateness);
        } catch (IOException | RuntimeException | Error e) {
            batch.unwritten.add(PlainText.oneLine(result.student() + ": " + e));
        }
        progress.done(result);
        return result;
    }

    private int exitCode(Batch batch, PrintWriter err) {
        if (!batch.unwritten.isEmpty()) {
            err.println("These reports could not be written (their students are not in the gradebook, so running the "
                    + "same command again grades them):");
            batch.unwritten.forEach(line -> err.println("  " + line));
            return GraderCli.IO_ERROR;
        }
        return batch.results.stream().anyMatch(r -> r.status() == GradingResult.Status.GRADER_ERROR)
                ? GraderCli.SOME_NOT_GRADED : GraderCli.OK;
    }

    /**
     * Classroom 50's files for the one submission: {@code result.json} (one entry per graded
     * test) and {@code release-body.md} (the student's feedback, as {@code feedback.md}).
     *
     * @throws IllegalStateException naming the runner's variables that are missing
     */
    private void writeClassroom50(GradingResult result) throws IOException {
        Files.createDirectories(classroom50);
        Files.writeString(classroom50.resolve("result.json"),
                Classroom50.resultJson(result.outcomes(), System.getenv(), Instant.now()), StandardCharsets.UTF_8);
        Files.writeString(classroom50.resolve("release-body.md"), FeedbackMarkdown.render(result), StandardCharsets.UTF_8);
    }

    private void printSummary(List<GradingResult> results, Collection<YourTestsReport> yourTests, double seconds) {
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(summary(results, yourTests, seconds));
        stdout.flush();
    }

    private void writeReports(GradingResult result, Lateness lateness) throws IOException {
        Path folder = out.resolve(Submission.folderName(result.student()));
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("feedback.md"), FeedbackMarkdown.render(result, lateness), StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("results.json"), GradescopeJson.render(result, lateness), StandardCharsets.UTF_8);
    }

    private String summary(List<GradingResult> results, Collection<YourTestsReport> yourTests, double seconds) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%-24s %-26s %9s %8s%n", "Student", "Status", "Score", "Time"));
        for (GradingResult result : results) {
            text.append(String.format(Locale.ROOT, "%-24s %-26s %5s / %-3d %6.1f s%n", PlainText.oneLine(result.student()),
                    result.status().name().toLowerCase(Locale.ROOT).replace('_', ' '), result.totalText(),
                    result.score().possible(), result.timings().total()));
        }
        text.append(String.format(Locale.ROOT, "Graded %d submission(s) in %.1f s (%d at once): %.1f per minute. Reports in %s%n",
                results.size(), seconds, jobs, seconds == 0 ? 0 : results.size() * 60 / seconds, out));
        List<GradingResult> ran = results.stream().filter(r -> r.timings().suite() > 0).toList();
        if (!ran.isEmpty()) {
            // Their own tests, where final grading ran them (a submission without tests takes no time there).
            double[] measured = yourTests.stream().filter(report -> report.tests() > 0).mapToDouble(YourTestsReport::seconds).toArray();
            text.append(String.format(Locale.ROOT, "Median per submission that ran: compile %.2f s, JVM start %.2f s, suite %.2f s%s%n",
                    Statistics.median(ran.stream().mapToDouble(r -> r.timings().compile()).toArray()),
                    Statistics.median(ran.stream().mapToDouble(r -> r.timings().jvmStart()).toArray()),
                    Statistics.median(ran.stream().mapToDouble(r -> r.timings().suite()).toArray()),
                    measured.length == 0 ? "" : String.format(Locale.ROOT, "; their own tests %.2f s", Statistics.median(measured))));
        }
        return text.toString();
    }

    /**
     * The protected files' fingerprints: from {@code --template}, else made from this
     * repository, else none (and a note that edits are not checked).
     */
    private Map<String, String> manifest(GradingPlan plan, PrintWriter err) throws IOException {
        if (template != null) {
            return StudentTemplate.readManifest(template.resolve(StudentTemplate.MANIFEST));
        }
        Optional<Path> repo = StudentTemplate.findRepository(Path.of(""));
        if (repo.isPresent()) {
            List<TestOutcome> visible = plan.outcomes().stream().filter(o -> !o.hidden()).toList();
            return StudentTemplate.fingerprints(StudentTemplate.files(repo.get(), visible));
        }
        err.println("Not checking students' copies of the course files: no --template given and no MemoLab repository here.");
        return Map.of();
    }

    /** This repository's exercises folder, found from the working directory upwards; none outside it. */
    private static List<Path> defaultSubmission() {
        return StudentTemplate.findRepository(Path.of("")).map(r -> List.of(r.resolve("exercises"))).orElse(List.of());
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
            // The grade the reports give (with "Your tests", the suite's points weighted), not the suite's alone.
            String line = String.format(Locale.ROOT, "[%s%s] %d/%d %s: %s / %d", "#".repeat(filled), ".".repeat(width - filled),
                    n, total, PlainText.oneLine(result.student()), result.totalText(), Rubric.TOTAL);
            if (console) {
                err.print("\r" + line + " ".repeat(10) + (n == total ? "\n" : ""));
            } else {
                err.println(line);
            }
            err.flush();
        }
    }
}
