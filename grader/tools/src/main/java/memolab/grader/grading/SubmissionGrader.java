package memolab.grader.grading;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import memolab.grader.grading.GradingResult.Status;
import memolab.grader.grading.GradingResult.Timings;
import memolab.grader.rules.ExerciseRules;
import memolab.grader.rules.RuleFacts;
import memolab.grader.runner.JavaSources;
import memolab.grader.score.PlainText;
import memolab.grader.score.TestOutcome;

/**
 * Grades one submission, a step at a time, each with limits of its own: find its sources
 * ({@link Submission}, {@link SourceWalk}), compile them with the grader's own given files in
 * a JVM of their own ({@link BoundedCompile}), check the classes against the safety rules
 * ({@link SafetyGate}) and the public API against the stubs ({@link ApiCheck}), then run the
 * graded suite in JVMs of its own ({@link SuiteRun}). Whatever the submission does, the
 * result has an outcome for every graded test and says what happened.
 */
public final class SubmissionGrader {

    /**
     * How a submission's suite JVM compiles and keeps its memory. With the quick compiler (C1)
     * only: a run is a few seconds of mostly fresh code, where the optimising compiler (C2)
     * spent about as much processor time as the tests themselves (the reference: 5.1
     * processor-seconds a run with it, 2.6 without, in 2.8 s and 2.2 s of wall time); grading
     * two at a time on two cores, that time came out of the other run. And with
     * {@link #SMALL_HEAP_FLAGS}: final grading's cost tests build caches of 100,000 and 250,000
     * entries beside an LRU model, on copies that count their steps, and G1's young collections
     * copied them from region to region, helped by a second thread that took the other core
     * (the reference, JDK 17.0.15, 2 cores: the hidden cost test's step count took 1.34 to 1.43 s
     * with G1, 0.50 to 0.57 s with these flags). The timing tests compare code compiled and
     * collected the same way on both sides of each ratio, and the timing-reliability benchmark
     * measures them with these flags. They are the parent pom's {@code memolab.suiteJvmFlags},
     * which the suite's own {@code ./mvnw test} (students, Classroom 50) passes too; the JVMs
     * that run a student's own tests use them as well.
     */
    public static final List<String> SUITE_JVM_FLAGS = suiteJvmFlags();

    /**
     * How the JVMs the grader starts keep their memory: the serial collector, on a heap that
     * starts at 32 MB and grows as it needs to, up to the same cap. The JVM's defaults (G1, a
     * first heap of a 64th of the machine's memory: 384 MB on 24 GB) have a short JVM write to
     * hundreds of megabytes of pages it has never touched before its first collection, and a
     * fresh page costs the kernel (and a virtual machine's host) a fault: on a 2-core virtual
     * machine, JDK 17.0.15, one JVM allocating 300 MB of short-lived arrays took 0.8 s that way,
     * 0.14 s with these flags. The compiler's JVMs use them; the suite's JVMs have them in
     * {@link #SUITE_JVM_FLAGS}, from the parent pom, which a test checks.
     */
    public static final List<String> SMALL_HEAP_FLAGS = List.of("-XX:+UseSerialGC", "-Xms32m");

    /** The flags the build wrote into {@code suite-jvm.properties} from the parent pom. */
    private static List<String> suiteJvmFlags() {
        List<String> flags;
        try (InputStream in = SubmissionGrader.class.getResourceAsStream(SUITE_JVM_PROPERTIES)) {
            if (in == null) {
                throw new IllegalStateException(SUITE_JVM_PROPERTIES + " is missing from the grader's classes: rebuild the grader");
            }
            flags = suiteJvmFlags(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SUITE_JVM_PROPERTIES + " from the grader's classes", e);
        }
        if (String.join(" ", flags).contains("${")) {
            throw new IllegalStateException(SUITE_JVM_PROPERTIES + " was not filled in by the build: " + flags);
        }
        return flags;
    }

    /** Where a grader jar records its suite JVM's flags, beside this class. */
    public static final String SUITE_JVM_PROPERTIES = "suite-jvm.properties";

    /** The flags a {@code suite-jvm.properties} holds (this grader's, or an earlier grader jar's): none if it names none. */
    public static List<String> suiteJvmFlags(InputStream properties) throws IOException {
        Properties read = new Properties();
        read.load(properties);
        String flags = read.getProperty("flags", "").strip();
        return flags.isEmpty() ? List.of() : List.of(flags.split("\\s+"));
    }

    private final GradingPlan plan;
    private final Path workRoot;
    private final boolean hidden;
    private final long timeoutSeconds;
    private final List<String> archiveFlags; // how the suite's JVM uses the batch's class-data archive, if any

    /**
     * @param plan           the suite's graded tests and the compiled stubs
     * @param workRoot       where each submission's classes are compiled
     * @param hidden         whether to run the hidden tests (final grading)
     * @param timeoutSeconds the wall-clock limit for the suite's JVM
     */
    public SubmissionGrader(GradingPlan plan, Path workRoot, boolean hidden, long timeoutSeconds) {
        this(plan, workRoot, hidden, timeoutSeconds, List.of());
    }

    private SubmissionGrader(GradingPlan plan, Path workRoot, boolean hidden, long timeoutSeconds, List<String> archiveFlags) {
        this.plan = plan;
        this.workRoot = workRoot;
        this.hidden = hidden;
        this.timeoutSeconds = timeoutSeconds;
        this.archiveFlags = archiveFlags;
    }

    /**
     * A grader whose suite JVMs start from a class-data-sharing archive ({@code archive}) of
     * the classes a run loads: the JDK's, JUnit's, AssertJ's, the suite's. It is made here,
     * once for a batch, by running the suite on the grader's own stubs, so no submission has
     * a part in it; each run then maps those classes instead of reading and verifying them
     * again. When no archive comes of it (a JVM without class-data sharing, or the grader
     * running from class folders rather than its jar), the grader returned is this one.
     */
    public SubmissionGrader withClassArchive(Path archiveFile) {
        Path archive = archiveFile.toAbsolutePath(); // the suite's JVM runs in another working directory
        try {
            Files.deleteIfExists(archive);
            Path factsFile = archive.resolveSibling(archive.getFileName() + ".rule-facts.txt");
            SafetyGate.facts(plan.stubClasses()).write(factsFile);
            GradingResult stubs = withArchiveFlags("-XX:ArchiveClassesAtExit=" + archive).suiteRun()
                    .run("the grader's stubs", plan.stubClasses(), factsFile, new ArrayList<>(), 0, System.nanoTime());
            if (stubs.status() != Status.GRADED || !Files.isRegularFile(archive)) {
                return this;
            }
        } catch (IOException | RuntimeException e) {
            return this; // the archive only saves time: grading goes on without it
        }
        return withArchiveFlags("-XX:SharedArchiveFile=" + archive);
    }

    /** How this grader's suite JVMs use the batch's class-data archive: none, or the flags that map it. */
    public List<String> archiveFlags() {
        return archiveFlags;
    }

    private SubmissionGrader withArchiveFlags(String archiveFlag) {
        return new SubmissionGrader(plan, workRoot, hidden, timeoutSeconds, List.of(archiveFlag, QUIET_ARCHIVE));
    }

    /** The JVM warns on standard output when it cannot use an archive (it then runs without); the student need not read that. */
    private static final String QUIET_ARCHIVE = "-Xlog:cds*=off";

    /**
     * Grades the submission at {@code path}: locate, read, compile, gate, check the API, run.
     * Never throws: whatever happens while grading one submission (in the grader's JVM too)
     * ends as that submission's verdict, with a reason, and the batch goes on.
     */
    public GradingResult grade(Path path) {
        return grade(path, () -> { });
    }

    /**
     * As {@link #grade(Path)}, calling {@code ready} once the submission's classes have passed
     * the gate and the API check, just before the suite's JVM starts: what may run beside the
     * suite (the student's own tests, on a core of their own) can start then.
     */
    public GradingResult grade(Path path, Runnable ready) {
        long start = System.nanoTime();
        Submission submission;
        try {
            submission = Submission.locate(path);
        } catch (Submission.InvalidSubmissionException e) {
            List<String> problems = new ArrayList<>(e.notes());
            problems.add(e.getMessage());
            GradingResult result = e.isNotCompiled()
                    ? notRun(e.student, Status.COMPILE_ERROR, problems, "Not run: your code was not compiled (see above).", start)
                    : notRun(e.student, Status.NO_SUBMISSION, problems, "Not run: there was nothing to grade.", start);
            for (String flag : e.flags()) {
                result = result.flaggedOnly(flag);
            }
            return result;
        } catch (IOException | RuntimeException | Error e) {
            return notRun(studentOf(path), Status.NO_SUBMISSION,
                    List.of("The grader could not read " + PlainText.inlineCode(String.valueOf(path.getFileName())) + ": "
                            + PlainText.inlineCode(PlainText.clean(String.valueOf(e.getMessage()), 500))), "Not run: there was nothing to grade.", start);
        }
        GradingResult result;
        try {
            result = compileAndRun(submission, start, ready);
        } catch (Throwable e) { // the grader's own fault, on this submission only
            result = notRun(submission.student(), Status.GRADER_ERROR, List.of("The grader failed on this submission ("
                    + PlainText.inlineCode(PlainText.clean(String.valueOf(e), 500)) + "); grade it again or report it."), "Not run: the grader failed.", start);
        }
        for (String flag : submission.flags()) {
            result = result.flaggedOnly(flag);
        }
        return result;
    }

    /**
     * Measures the student's own tests at {@code path} ("Your tests"): their coverage is
     * measured on the student's classes when those passed the gate and the suite started on
     * them ({@code suiteRan}: the {@code ready} of {@link #grade(Path, Runnable)} was called),
     * after the grading or beside it. Never throws: a failure is the report's.
     */
    public YourTestsReport measure(YourTests tests, Path path, boolean suiteRan) {
        long start = System.nanoTime();
        try {
            Submission submission = Submission.locate(path);
            Path folder = workRoot.resolve(Submission.folderName(submission.student()));
            Path classes = folder.resolve("classes");
            boolean ran = suiteRan && Files.isDirectory(classes);
            return tests.measure(submission, ran ? java.util.Optional.of(classes) : java.util.Optional.empty(), folder);
        } catch (Submission.InvalidSubmissionException e) {
            return YourTestsReport.none(tests.points(), "Your tests were not run: there was nothing to grade.", seconds(start));
        } catch (IOException | RuntimeException | Error e) {
            return graderFailed(tests, e, seconds(start));
        }
    }

    /** The report of {@link #measure} run on another thread (beside the suite); should that thread fail, a report that says so. */
    public static YourTestsReport measured(java.util.concurrent.Future<YourTestsReport> report, YourTests tests) {
        try {
            return report.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return graderFailed(tests, e, 0);
        } catch (java.util.concurrent.ExecutionException e) {
            return graderFailed(tests, e.getCause(), 0);
        } catch (RuntimeException e) { // cancelled
            return graderFailed(tests, e, 0);
        }
    }

    private static YourTestsReport graderFailed(YourTests tests, Throwable e, double seconds) {
        return YourTestsReport.none(tests.points(), "The grader failed while running your tests ("
                + PlainText.inlineCode(PlainText.clean(String.valueOf(e), 500)) + "); this is not your fault: report it.", seconds);
    }

    /** The student's name for a path that could not be read, without reading it again. */
    private static String studentOf(Path path) {
        try {
            return Submission.nameOf(path);
        } catch (RuntimeException e) {
            return String.valueOf(path.getFileName());
        }
    }

    private GradingResult compileAndRun(Submission submission, long start, Runnable ready) throws IOException {
        Path folder = workRoot.resolve(Submission.folderName(submission.student()));
        Path classes = folder.resolve("classes");
        Folders.deleteTree(classes);
        List<String> problems = new ArrayList<>(submission.notes());
        List<Path> sources = copySources(submission, folder.resolve("src"), problems);
        sources.addAll(plan.givenSources());
        JavaSources.Compilation compilation = BoundedCompile.compile(sources, classes, folder);
        double compileSeconds = seconds(start);
        if (!compilation.success()) {
            // The compiler quotes the student's file names and lines: shown as a code block, never as the report's words.
            problems.add("Your code does not compile. The compiler said:\n" + PlainText.codeBlock(PlainText.clean(
                    compilation.messages().stream().filter(m -> !COMPILER_REMARK.matcher(m).find())
                            .limit(COMPILER_MESSAGES).collect(Collectors.joining("\n")), PlainText.MESSAGE_CAP)).strip());
            return notRun(submission.student(), Status.COMPILE_ERROR, problems,
                    "Not run: your code does not compile (see the compiler's messages).", start);
        }
        java.util.Optional<String> tooLarge = CompiledSize.tooLarge(classes, "Your code");
        if (tooLarge.isPresent()) {
            // Read by nothing further, the gate included: classes this large are no solution, and reading them could spend the
            // grader's memory (its other submissions'), or a shared JVM's (the measurement of tests others hand in too).
            problems.add("NOT RUN: " + tooLarge.get() + " It was not run, and scores 0.");
            return notRun(submission.student(), Status.REFUSED, problems,
                    "Not run: your compiled classes are too large to run (see the report).", start)
                    .flaggedOnly("refused: compiled classes too large");
        }
        // The gate reads the class files without loading them: it comes before anything that loads a class.
        RuleFacts facts = SafetyGate.facts(classes);
        List<SafetyGate.Violation> violations = SafetyGate.check(facts);
        if (!violations.isEmpty()) {
            problems.add(SafetyGate.explain(violations));
            GradingResult refused = notRun(submission.student(), Status.REFUSED, problems,
                    "Not run: your code breaks a safety rule, so it was not run at all (see the report).", start);
            return refused.flaggedOnly("refused: " + violations.get(0).rule());
        }
        List<String> apiProblems = ApiCheck.problems(plan.stubClasses(), classes);
        if (!apiProblems.isEmpty()) {
            problems.addAll(apiProblems);
            return notRun(submission.student(), Status.COMPILE_ERROR, problems,
                    "Not run: a class or method the tests need is missing (see above).", start);
        }
        Path factsFile = classes.resolveSibling("rule-facts.txt");
        facts.write(factsFile);
        ready.run();
        return suiteRun().run(submission.student(), classes, factsFile, problems, compileSeconds, start);
    }

    /** A compiler's warning or note, which a submission that does not compile need not read: everything else is shown. */
    private static final java.util.regex.Pattern COMPILER_REMARK = java.util.regex.Pattern.compile("^[^\\n]*?\\b(warning|note): ");

    /** How many of the compiler's messages a report shows (javac itself stops at 100 errors). */
    private static final int COMPILER_MESSAGES = 30;

    private SuiteRun suiteRun() {
        List<String> flags = new ArrayList<>(SUITE_JVM_FLAGS);
        flags.addAll(archiveFlags);
        return new SuiteRun(plan, hidden, timeoutSeconds, flags);
    }

    /**
     * Copies the submission's sources into {@code target/memolab}, as the compiler should read
     * them: the grader compiles its own copies, not the student's folder.
     */
    private static List<Path> copySources(Submission submission, Path target, List<String> problems) throws IOException {
        Folders.deleteTree(target);
        Path packageFolder = Files.createDirectories(target.resolve(ExerciseRules.STUDENT_PACKAGE));
        List<Path> copies = new ArrayList<>();
        for (Path source : submission.sources()) {
            String read = Files.readString(source, StandardCharsets.UTF_8);
            String text = Submission.withoutByteOrderMark(read);
            if (text.length() < read.length()) {
                problems.add(PlainText.inlineCode(source.getFileName().toString()) + " starts with a byte-order mark (some "
                        + "editors on Windows add one); the grader removed it before compiling, so it cost nothing here. "
                        + "javac itself stops at it (\"illegal character: '\\ufeff'\"), so your own `./mvnw test` does not "
                        + "compile the file: save it as \"UTF-8 without BOM\" (your editor's encoding setting).");
            }
            Path copy = packageFolder.resolve(source.getFileName().toString());
            Files.writeString(copy, text, StandardCharsets.UTF_8);
            copies.add(copy);
        }
        return copies;
    }

    private GradingResult notRun(String student, Status status, List<String> problems, String why, long start) {
        List<TestOutcome> outcomes = plan.outcomes().stream().map(o -> o.with(TestOutcome.Status.NOT_RUN, why)).toList();
        return new GradingResult(student, status, outcomes, List.copyOf(problems), "", 0,
                new Timings(0, 0, 0, seconds(start)), List.of());
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
