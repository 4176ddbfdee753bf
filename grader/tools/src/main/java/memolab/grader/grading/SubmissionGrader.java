package memolab.grader.grading;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import memolab.grader.grading.GradingResult.Status;
import memolab.grader.grading.GradingResult.Timings;
import memolab.grader.rules.ExerciseRules;
import memolab.grader.rules.RuleFacts;
import memolab.grader.runner.JavaSources;
import memolab.grader.score.TestOutcome;

/**
 * Grades one submission: compiles its sources with the grader's own given files, checks the
 * public API against the stubs, then runs the graded suite in a JVM of its own, with a heap
 * cap and a wall-clock limit, and reads the results from the signed channel. Whatever the
 * submission does, the result has an outcome for every graded test and says what happened.
 */
public final class SubmissionGrader {

    /** The heap of a submission's JVM. */
    static final String HEAP = "512m";

    /**
     * How a submission's JVM compiles: with the quick compiler (C1) only. A run is a few
     * seconds of mostly fresh code, where the optimising compiler (C2) spent about as much
     * processor time as the tests themselves (the reference: 5.1 processor-seconds a run
     * with it, 2.6 without, in 2.8 s and 2.2 s of wall time); grading two at a time on two
     * cores, that time came out of the other run. The timing tests compare code compiled
     * the same way on both sides of each ratio, and the timing-reliability benchmark
     * measures them with these flags. They are the parent pom's {@code memolab.suiteJvmFlags},
     * which the suite's own {@code ./mvnw test} (students, Classroom 50) passes too.
     */
    public static final List<String> JIT_FLAGS = suiteJvmFlags();

    /** The flags the build wrote into {@code suite-jvm.properties} from the parent pom. */
    private static List<String> suiteJvmFlags() {
        Properties properties = new Properties();
        try (InputStream in = SubmissionGrader.class.getResourceAsStream("suite-jvm.properties")) {
            if (in == null) {
                throw new IllegalStateException("suite-jvm.properties is missing from the grader's classes: rebuild the grader");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read suite-jvm.properties from the grader's classes", e);
        }
        String flags = properties.getProperty("flags", "").strip();
        if (flags.contains("${")) {
            throw new IllegalStateException("suite-jvm.properties was not filled in by the build: " + flags);
        }
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
            GradingResult stubs = withArchiveFlags("-XX:ArchiveClassesAtExit=" + archive).runSuite("the grader's stubs", plan.stubClasses(), factsFile, new ArrayList<>(), 0,
                    System.nanoTime());
            if (stubs.status() != Status.GRADED || !Files.isRegularFile(archive)) {
                return this;
            }
        } catch (IOException | RuntimeException e) {
            return this; // the archive only saves time: grading goes on without it
        }
        return withArchiveFlags("-XX:SharedArchiveFile=" + archive);
    }

    private SubmissionGrader withArchiveFlags(String archiveFlag) {
        return new SubmissionGrader(plan, workRoot, hidden, timeoutSeconds, List.of(archiveFlag, QUIET_ARCHIVE));
    }

    /** The JVM warns on standard output when it cannot use an archive (it then runs without); the student need not read that. */
    private static final String QUIET_ARCHIVE = "-Xlog:cds*=off";

    /** Grades the submission at {@code path}; never throws for anything the submission does. */
    public GradingResult grade(Path path) {
        long start = System.nanoTime();
        Submission submission;
        try {
            submission = Submission.locate(path);
        } catch (Submission.InvalidSubmissionException e) {
            return notRun(e.student, Status.NO_SUBMISSION, List.of(e.getMessage()), "Not run: there was nothing to grade.", start);
        } catch (IOException e) {
            return notRun(String.valueOf(path.getFileName()), Status.NO_SUBMISSION,
                    List.of("cannot read " + path + ": " + e.getMessage()), "Not run: there was nothing to grade.", start);
        }
        try {
            GradingResult result = compileAndRun(submission, start);
            return submission.leftOut() == 0 ? result
                    : result.flaggedOnly("left out " + submission.leftOut() + " file(s) outside package memolab");
        } catch (IOException | RuntimeException e) {
            return notRun(submission.student(), Status.GRADER_ERROR,
                    List.of("The grader failed on this submission (" + e + "); grade it again or report it."),
                    "Not run: the grader failed.", start);
        }
    }

    private GradingResult compileAndRun(Submission submission, long start) throws IOException {
        Path folder = workRoot.resolve(Submission.folderName(submission.student()));
        Path classes = folder.resolve("classes");
        Folders.deleteTree(classes);
        List<String> problems = new ArrayList<>(submission.notes());
        List<Path> sources = copySources(submission, folder.resolve("src"), problems);
        sources.addAll(plan.givenSources());
        JavaSources.Compilation compilation = JavaSources.compile(sources, classes);
        double compileSeconds = seconds(start);
        if (!compilation.success()) {
            problems.add("Your code does not compile. The compiler said:");
            compilation.messages().stream().filter(m -> m.contains("error:")).map(m -> "    " + m).forEach(problems::add);
            return notRun(submission.student(), Status.COMPILE_ERROR, problems,
                    "Not run: your code does not compile (see the compiler's messages).", start);
        }
        List<String> apiProblems = checkApi(classes);
        if (!apiProblems.isEmpty()) {
            problems.addAll(apiProblems);
            return notRun(submission.student(), Status.COMPILE_ERROR, problems,
                    "Not run: a class or method the tests need is missing (see above).", start);
        }
        RuleFacts facts = SafetyGate.facts(classes);
        List<SafetyGate.Violation> violations = SafetyGate.check(facts);
        if (!violations.isEmpty()) {
            problems.add(SafetyGate.explain(violations));
            GradingResult refused = notRun(submission.student(), Status.REFUSED, problems,
                    "Not run: your code breaks a safety rule, so it was not run at all (see the report).", start);
            return refused.flaggedOnly("refused: " + violations.get(0).rule());
        }
        Path factsFile = classes.resolveSibling("rule-facts.txt");
        facts.write(factsFile);
        return runSuite(submission.student(), classes, factsFile, problems, compileSeconds, start);
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
                problems.add(source.getFileName() + " starts with a byte-order mark (some editors on Windows add one); "
                        + "the grader removed it before compiling. Nothing to fix, but your editor can save \"UTF-8 "
                        + "without BOM\".");
            }
            Path copy = packageFolder.resolve(source.getFileName().toString());
            Files.writeString(copy, text, StandardCharsets.UTF_8);
            copies.add(copy);
        }
        return copies;
    }

    /** Runs the suite on {@code classes} in a JVM of its own, and reads what it reports. */
    private GradingResult runSuite(String student, Path classes, Path factsFile, List<String> problems, double compileSeconds,
            long start) throws IOException {
        ResultChannel channel = ResultChannel.withNewKey();
        long spawned = System.nanoTime();
        Process process = startChild(classes, factsFile, channel);
        ChildReader reader = new ChildReader(channel, process.getInputStream(), plan.outcomes());
        CappedOutput stderr = new CappedOutput(16 * 1024);
        boolean ended = awaitChild(process, reader, stderr, student);
        problems.addAll(reader.problems);
        Ending ending = howItEnded(ended, process, reader, stderr);
        List<TestOutcome> outcomes = new ArrayList<>(reader.outcomes.values());
        if (ending.explanation() != null) {
            problems.add(ending.explanation());
            outcomes.replaceAll(o -> o.status() == TestOutcome.Status.NOT_RUN && o.message().equals(GradingPlan.NOT_REACHED)
                    ? o.with(TestOutcome.Status.NOT_RUN, GradingResult.stoppedBefore(ending.explanation())) : o);
        }
        double jvmStart = reader.readyAt < 0 ? 0 : (reader.readyAt - spawned) / 1e9;
        double suite = reader.readyAt < 0 ? 0 : (System.nanoTime() - reader.readyAt) / 1e9;
        return new GradingResult(student, ending.status(), outcomes, problems, reader.output, reader.outputCut,
                new Timings(compileSeconds, jvmStart, suite, seconds(start)), reader.forged ? List.of("forged result lines") : List.of());
    }

    /**
     * Starts the suite's JVM: a capped heap, assertions on, an empty environment (the
     * instructor's tokens and paths are none of the submission's business), the submission's
     * work folder as its working directory, and the result
     * channel's key on its standard input before any student code runs.
     */
    private Process startChild(Path classes, Path factsFile, ResultChannel channel) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx" + HEAP, "-XX:+ExitOnOutOfMemoryError", "-ea"));
        command.addAll(JIT_FLAGS);
        command.addAll(archiveFlags);
        // Every path absolute: the child's working directory is not the grader's.
        String classPath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString()).collect(Collectors.joining(File.pathSeparator));
        command.addAll(List.of("-D" + RuleFacts.PROPERTY + "=" + factsFile.toAbsolutePath(), "-cp", classPath,
                ChildMain.class.getName(), classes.toAbsolutePath().toString(), plan.suiteRoot().toAbsolutePath().toString(),
                Boolean.toString(hidden)));
        // Its working directory is the submission's own work folder, not the grader's, where a
        // relative file name would reach the reports.
        ProcessBuilder builder = new ProcessBuilder(command).directory(factsFile.getParent().toFile());
        builder.environment().clear();
        builder.environment().put("LANG", "C.UTF-8");
        Process process = builder.start();
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write((channel.keyHex() + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        return process;
    }

    /** Reads the child's output until it ends or its time is up (then it is killed). Whether it ended by itself. */
    private boolean awaitChild(Process process, ChildReader reader, CappedOutput stderr, String student) throws IOException {
        Thread readOut = daemon(reader::readAll);
        Thread readErr = daemon(() -> copy(process.getErrorStream(), stderr));
        try {
            boolean ended = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            if (!ended) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            readOut.join(5_000);
            readErr.join(5_000);
            return ended;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while grading " + student, e);
        }
    }

    /** How the run ended; an explanation for the student unless the suite finished. */
    private record Ending(Status status, String explanation) {
    }

    private Ending howItEnded(boolean ended, Process process, ChildReader reader, CappedOutput stderr) {
        String during = reader.running == null ? "before the first test started" : "during the test \"" + reader.running + "\"";
        if (!ended) {
            return new Ending(Status.TIMED_OUT, "The run was stopped after " + timeoutSeconds + " s " + during + ". A test "
                    + "that never ends usually means an endless loop (a list whose links form a cycle, a loop that never "
                    + "advances).");
        }
        if (reader.finished) {
            return new Ending(Status.GRADED, null);
        }
        if (reader.runaway != null) {
            return new Ending(Status.TIMED_OUT, "The run was stopped after " + ChildMain.RUNAWAY_LIMIT + " tests ran past "
                    + "their time limit with your code still running in them (" + reader.runaway + "), so the tests after "
                    + "them were not run. Each of those two tests names the line where your code was running: usually an "
                    + "endless loop (a list whose links form a cycle, a loop that never advances), sometimes code far "
                    + "too slow.");
        }
        // -XX:+ExitOnOutOfMemoryError ends the JVM with exit code 3 and a line on stdout or stderr.
        boolean outOfMemory = process.exitValue() == 3
                && (stderr.text().contains("OutOfMemoryError") || reader.unsigned.text().contains("OutOfMemoryError"));
        if (outOfMemory) {
            return new Ending(Status.CRASHED, "The run ran out of memory (the limit is " + HEAP + ") " + during
                    + ". Look for a structure that keeps growing: entries never evicted, nodes never unlinked.");
        }
        return new Ending(Status.CRASHED, "The run stopped early with exit code " + process.exitValue() + ", " + during
                + ". The usual cause is a call to System.exit (or Runtime.exit/halt) in your code: it ends "
                + "the whole Java process, tests included. Throw an exception instead.");
    }

    /** Reads the child's standard output: signed events, and anything else the submission printed there. */
    private static final class ChildReader {
        private final ResultChannel channel;
        private final InputStream in;
        final Map<String, TestOutcome> outcomes = new LinkedHashMap<>();
        final List<String> problems = new ArrayList<>();
        final CappedOutput unsigned = new CappedOutput(16 * 1024); // what reached stdout outside the channel
        volatile String running;
        volatile boolean finished;
        volatile String runaway; // the tests that never returned, when the run stopped itself
        volatile long readyAt = -1;
        String output = "";
        long outputCut;

        ChildReader(ResultChannel channel, InputStream in, List<TestOutcome> plan) {
            this.channel = channel;
            this.in = in;
            plan.forEach(o -> outcomes.put(key(o), o));
        }

        volatile boolean forged;

        void readAll() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    Optional<String> payload;
                    try {
                        payload = channel.verify(line);
                    } catch (SecurityException | IllegalArgumentException e) {
                        forged = true;
                        continue;
                    }
                    if (payload.isPresent()) {
                        apply(ChildEvent.fromJson(payload.get()));
                    } else {
                        unsigned.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                    }
                }
            } catch (IOException e) {
                problems.add("Reading the run's results failed: " + e.getMessage());
            }
            if (forged) {
                problems.add("TAMPERING: the run printed lines that imitate the grader's result lines; they were "
                        + "ignored. Only results signed by the grader count.");
            }
        }

        private void apply(ChildEvent event) {
            switch (event.type()) {
                case "ready" -> readyAt = System.nanoTime();
                case "started" -> running = event.test();
                case "outcome" -> outcomes.computeIfPresent(key(event.outcome()), (k, o) -> event.outcome());
                case "output" -> {
                    output = event.text();
                    outputCut = event.cut();
                }
                case "finished" -> finished = true;
                case "runaway" -> runaway = event.test();
                default -> problems.add("unknown result event " + event.type());
            }
        }

        private static String key(TestOutcome outcome) {
            return outcome.testClass() + "#" + outcome.testMethod();
        }
    }

    /**
     * Compares the public constructors and methods of {@code LruCache} and {@code Fibonacci}
     * with the stubs', so that a missing class or a wrong signature is named as such rather
     * than showing up as a crash in every test.
     */
    private List<String> checkApi(Path classes) throws IOException {
        List<String> problems = new ArrayList<>();
        try (URLClassLoader stubs = new URLClassLoader(new URL[] {plan.stubClasses().toUri().toURL()}, null);
             URLClassLoader submitted = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
            for (String name : List.of("memolab.LruCache", "memolab.Fibonacci")) {
                Class<?> expected;
                try {
                    expected = Class.forName(name, false, stubs);
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException("the grader's stubs lack " + name, e);
                }
                Class<?> actual;
                try {
                    actual = Class.forName(name, false, submitted);
                } catch (ClassNotFoundException | LinkageError e) {
                    problems.add("Missing class " + name + ": it should be in exercises/src/main/java/"
                            + name.replace('.', '/') + ".java.");
                    continue;
                }
                Set<String> have = signatures(actual);
                for (String signature : signatures(expected)) {
                    if (!have.contains(signature)) {
                        problems.add("Missing or changed: " + signature + " (the tests call it exactly so; keep the "
                                + "signatures of the stub).");
                    }
                }
            }
        }
        return problems;
    }

    private static Set<String> signatures(Class<?> type) {
        Set<String> signatures = new TreeSet<>();
        Stream.<Executable>concat(Arrays.stream(type.getDeclaredConstructors()), Arrays.stream(type.getDeclaredMethods()))
                .filter(e -> Modifier.isPublic(e.getModifiers()) && !e.isSynthetic())
                .forEach(e -> signatures.add(describe(type, e)));
        return signatures;
    }

    private static String describe(Class<?> type, Executable e) {
        String params = Arrays.stream(e.getGenericParameterTypes()).map(t -> t.getTypeName()).reduce((a, b) -> a + ", " + b).orElse("");
        String returns = e instanceof Method m ? m.getGenericReturnType().getTypeName() + " " : "";
        String name = e instanceof Constructor ? type.getSimpleName() : e.getName();
        return (Modifier.isStatic(e.getModifiers()) ? "static " : "") + returns + type.getSimpleName()
                + (e instanceof Constructor ? "" : "." + name) + "(" + params + ")";
    }

    private GradingResult notRun(String student, Status status, List<String> problems, String why, long start) {
        List<TestOutcome> outcomes = plan.outcomes().stream().map(o -> o.with(TestOutcome.Status.NOT_RUN, why)).toList();
        return new GradingResult(student, status, outcomes, List.copyOf(problems), "", 0,
                new Timings(0, 0, 0, seconds(start)), List.of());
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "memolab-child-reader");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void copy(InputStream in, OutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException ignored) {
            // the child is gone; what was read is kept
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
