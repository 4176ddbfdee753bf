package memolab.grader.grading;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import memolab.grader.grading.GradingResult.Status;
import memolab.grader.grading.GradingResult.Timings;
import memolab.grader.junit.OutcomeCollector;
import memolab.grader.rules.RuleFacts;
import memolab.grader.score.PlainText;
import memolab.grader.score.TestOutcome;

/**
 * The grading step that runs the graded suite on a submission's checked classes, in JVMs of
 * its own, and reads what they report on the signed channel.
 *
 * <p><b>A test that never returns costs its own points only.</b> When a test runs past its
 * time limit with the student's code still running in it (a loop JUnit cannot stop), or the
 * JVM runs out of memory during a test, that JVM ends, and a fresh one runs the tests not
 * yet concluded: no later test runs beside a spinning loop (whose processor time would skew
 * the timing tests) or after a test that took every test's life with it. A submission gets
 * at most {@link #MAX_STOPS} such stops; after the last, the tests not yet run are not run,
 * and say why: code that loops in every test (a static initialiser that never returns)
 * still ends in bounded time, about {@code MAX_STOPS} test limits. The submission's
 * wall-clock limit bounds all of its JVMs together.
 */
final class SuiteRun {

    /** The heap of a submission's JVM. */
    static final String HEAP = "512m";

    /**
     * How long, in all, the tests that stopped a JVM of one submission may have run before
     * the run goes on no more: 40 s. The corpus's looping one-bug submissions use at most 20 s
     * of it (a plain-recursion Fibonacci: four tests of 4 to 5 s and a grace of half a second
     * each: fib(0) to fib(93), fib(1000) and two hidden values tests), and a submission that
     * loops everywhere holds a worker about 40 s more than it would without loops, not the
     * whole wall-clock limit. A test class where a test stopped runs last in each fresh JVM
     * ({@link #deferredClasses}), so that the tests left unrun when the budget is spent are
     * rather those of the classes the code loops in.
     */
    static final double STOP_BUDGET_SECONDS = 40;

    /** How many fresh JVMs one submission may get at most, however short its stops (running out of memory is quick). */
    static final int MAX_STOPS = 6;

    private final GradingPlan plan;
    private final boolean hidden;
    private final long timeoutSeconds;
    private final List<String> jvmFlags;

    /**
     * @param jvmFlags the suite JVM's compiler and class-data flags
     */
    SuiteRun(GradingPlan plan, boolean hidden, long timeoutSeconds, List<String> jvmFlags) {
        this.plan = plan;
        this.hidden = hidden;
        this.timeoutSeconds = timeoutSeconds;
        this.jvmFlags = jvmFlags;
    }

    /**
     * One JVM's stop at a test: its name and key, whether memory ran out (else its code never
     * returned), and how long the test had run.
     */
    private record Stop(String test, String key, boolean outOfMemory, double seconds) {
    }

    /** Runs the suite on {@code classes} until every test is concluded, the stops are used up, or time is. */
    GradingResult run(String student, Path classes, Path factsFile, List<String> problems, double compileSeconds, long start)
            throws IOException {
        Map<String, TestOutcome> outcomes = new LinkedHashMap<>();
        plan.outcomes().forEach(o -> outcomes.put(key(o), o));
        Set<String> concluded = new HashSet<>();
        List<Stop> stops = new ArrayList<>();
        List<String> runProblems = new ArrayList<>();
        StringBuilder output = new StringBuilder();
        long outputCut = 0;
        boolean forged = false;
        double jvmStart = 0;
        double suite = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        Ending ending;
        while (true) {
            Path skip = factsFile.resolveSibling("concluded-tests.txt");
            Files.write(skip, concluded, StandardCharsets.UTF_8);
            Path defer = factsFile.resolveSibling("deferred-classes.txt");
            Files.write(defer, deferredClasses(stops, outcomes), StandardCharsets.UTF_8);
            Attempt attempt = attempt(classes, factsFile, skip, defer, deadline, student);
            ChildReader reader = attempt.reader;
            reader.received.forEach(key -> outcomes.put(key, reader.outcomes.get(key)));
            concluded.addAll(reader.received);
            runProblems.addAll(reader.problems);
            forged |= reader.forged;
            if (!reader.output.isEmpty()) {
                output.append(output.length() == 0 ? "" : "\n--- (the tests after it, in a fresh JVM) ---\n").append(reader.output);
            }
            outputCut += reader.outputCut;
            if (reader.readyAt >= 0) {
                jvmStart += (reader.readyAt - attempt.spawned) / 1e9;
                suite += (System.nanoTime() - reader.readyAt) / 1e9;
            }
            ending = howItEnded(attempt.ended, attempt.process, reader, attempt.stderr);
            Optional<Stop> stop = stopAtOneTest(ending, reader, outcomes, concluded);
            boolean more = outcomes.keySet().stream().anyMatch(k -> !concluded.contains(k));
            if (stop.isEmpty()) {
                break;
            }
            stops.add(stop.get());
            if (!more) {
                ending = new Ending(Status.GRADED, null);
                break;
            }
            double stopped = stops.stream().mapToDouble(Stop::seconds).sum();
            if (stopped >= STOP_BUDGET_SECONDS || stops.size() >= MAX_STOPS || System.nanoTime() >= deadline) {
                ending = new Ending(ending.status(), describe(stops) + " After each, the tests not yet run went on in a "
                        + "fresh JVM (a test class where one had stopped last), until " + MAX_STOPS + " tests had stopped or "
                        + "such tests had taken " + (int) STOP_BUDGET_SECONDS + " s in all; the tests after the last were "
                        + "not run. Fix the loop those tests name first: the others will run again.");
                break;
            }
        }
        List<String> allProblems = new ArrayList<>(problems);
        allProblems.addAll(runProblems);
        if (!stops.isEmpty() && ending.status() == Status.GRADED) {
            allProblems.add(describe(stops) + " After each, the tests not yet run went on in a fresh JVM, so such a test "
                    + "costs its own points and no others.");
        }
        List<TestOutcome> results = new ArrayList<>(outcomes.values());
        if (ending.explanation() != null) {
            allProblems.add(ending.explanation());
            String reason = ending.explanation();
            results.replaceAll(o -> o.status() == TestOutcome.Status.NOT_RUN && o.message().equals(GradingPlan.NOT_REACHED)
                    ? o.with(TestOutcome.Status.NOT_RUN, GradingResult.stoppedBefore(reason)) : o);
        }
        String kept = output.length() > ChildMain.OUTPUT_CAP ? output.substring(0, ChildMain.OUTPUT_CAP) : output.toString();
        outputCut += output.length() - kept.length();
        return new GradingResult(student, ending.status(), results, allProblems, kept, outputCut,
                new Timings(compileSeconds, jvmStart, suite, seconds(start)), forged ? List.of("forged result lines") : List.of());
    }

    /** "3 tests stopped the JVM that ran them: ...", the tests named, grouped by what happened. */
    private static String describe(List<Stop> stops) {
        StringBuilder text = new StringBuilder().append(stops.size()).append(stops.size() == 1 ? " test stopped the JVM that ran it:"
                : " tests stopped the JVM that ran them:");
        List<String> looped = stops.stream().filter(s -> !s.outOfMemory()).map(s -> "\"" + s.test() + "\"").toList();
        List<String> memory = stops.stream().filter(Stop::outOfMemory).map(s -> "\"" + s.test() + "\"").toList();
        if (!looped.isEmpty()) {
            text.append(' ').append(String.join(", ", looped)).append(looped.size() == 1 ? " ran" : " each ran")
                    .append(" past its time limit with your code still running (its message says where).");
        }
        if (!memory.isEmpty()) {
            text.append(' ').append(String.join(", ", memory)).append(memory.size() == 1 ? " ran" : " each ran")
                    .append(" out of memory (the limit is ").append(HEAP).append(").");
        }
        return text.toString();
    }

    /**
     * The test this JVM stopped at, if it stopped at one that the next JVM can go on after: it
     * never returned, or the JVM ran out of memory during it (that test then fails with what
     * happened, for the student).
     */
    private static Optional<Stop> stopAtOneTest(Ending ending, ChildReader reader, Map<String, TestOutcome> outcomes,
            Set<String> concluded) {
        if (reader.runaway != null) {
            return Optional.of(new Stop(reader.runaway, reader.runningKey, false, reader.runningFor()));
        }
        if (ending.status() == Status.CRASHED && ending.outOfMemory() && reader.runningKey != null
                && outcomes.containsKey(reader.runningKey)) {
            String why = "The run ran out of memory (the limit is " + HEAP + ") during this test. Look for a structure "
                    + "that keeps growing: entries never evicted, nodes never unlinked.";
            outcomes.computeIfPresent(reader.runningKey, (k, o) -> o.with(OutcomeCollector.watchesStudentCode(o)
                    ? TestOutcome.Status.VIOLATED : TestOutcome.Status.FAILED, why));
            concluded.add(reader.runningKey);
            return Optional.of(new Stop(reader.running, reader.runningKey, true, reader.runningFor()));
        }
        return Optional.empty();
    }

    /** One JVM of the run: the process, what it reported, and whether it ended by itself. */
    private record Attempt(Process process, ChildReader reader, CappedOutput stderr, boolean ended, long spawned) {
    }

    /**
     * The test classes in which a test stopped a JVM: the next JVM runs them last. A bug that
     * loops in many tests of one class (a keys() that never returns, say) would otherwise
     * spend the budget there, and leave the tests of classes it never reaches unrun.
     */
    private static Set<String> deferredClasses(List<Stop> stops, Map<String, TestOutcome> outcomes) {
        Set<String> classes = new java.util.TreeSet<>();
        for (Stop stop : stops) {
            TestOutcome outcome = outcomes.get(stop.key());
            if (outcome != null) {
                classes.add(topLevel(outcome.testClass()));
            }
        }
        return classes;
    }

    /** The top-level class of a (possibly nested) test class: JUnit orders top-level classes. */
    private static String topLevel(String testClass) {
        int nested = testClass.indexOf('$');
        return nested < 0 ? testClass : testClass.substring(0, nested);
    }

    private Attempt attempt(Path classes, Path factsFile, Path skip, Path defer, long deadline, String student)
            throws IOException {
        ResultChannel channel = ResultChannel.withNewKey();
        long spawned = System.nanoTime();
        Process process = startChild(classes, factsFile, skip, defer, channel);
        ChildReader reader = new ChildReader(channel, process.getInputStream(), plan.outcomes());
        CappedOutput stderr = new CappedOutput(16 * 1024);
        boolean ended = awaitChild(process, reader, stderr, Math.max(1, deadline - System.nanoTime()), student);
        return new Attempt(process, reader, stderr, ended, spawned);
    }

    /**
     * Starts the suite's JVM: a capped heap, assertions on, an empty environment (the
     * instructor's tokens and paths are none of the submission's business), the submission's
     * work folder as its working directory, and the result
     * channel's key on its standard input before any student code runs.
     */
    private Process startChild(Path classes, Path factsFile, Path skip, Path defer, ResultChannel channel) throws IOException {
        List<String> flags = new ArrayList<>(jvmFlags);
        flags.add("-D" + RuleFacts.PROPERTY + "=" + factsFile.toAbsolutePath());
        return startJvm(flags, factsFile.getParent(), ChildMain.class, List.of(classes.toAbsolutePath().toString(),
                plan.suiteRoot().toAbsolutePath().toString(), Boolean.toString(hidden), skip.toAbsolutePath().toString(),
                defer.toAbsolutePath().toString()), channel);
    }

    /**
     * Starts a JVM that runs a submission's code: {@code main} on the grader's class path, a
     * capped heap, assertions on, an empty environment (the instructor's tokens and paths are
     * none of the submission's business), {@code workFolder} (the submission's own) as its
     * working directory, and the result channel's key on its standard input before any student
     * code runs.
     */
    static Process startJvm(List<String> flags, Path workFolder, Class<?> main, List<String> args, ResultChannel channel)
            throws IOException {
        return startJvm(flags, workFolder, main, args, channel, false);
    }

    /** As above; with {@code keepInput}, the JVM's standard input stays open after the key, for what the grader sends next. */
    static Process startJvm(List<String> flags, Path workFolder, Class<?> main, List<String> args, ResultChannel channel,
                            boolean keepInput) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx" + HEAP, "-XX:+ExitOnOutOfMemoryError", "-ea"));
        command.addAll(flags);
        // Every path absolute: the child's working directory is not the grader's.
        String classPath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString()).collect(Collectors.joining(File.pathSeparator));
        command.addAll(List.of("-cp", classPath, main.getName()));
        command.addAll(args);
        // Its working directory is the submission's own work folder, not the grader's, where a
        // relative file name would reach the reports.
        ProcessBuilder builder = new ProcessBuilder(command).directory(workFolder.toFile());
        builder.environment().clear();
        builder.environment().put("LANG", "C.UTF-8");
        Process process = builder.start();
        OutputStream stdin = process.getOutputStream();
        stdin.write((channel.keyHex() + "\n").getBytes(StandardCharsets.US_ASCII));
        stdin.flush();
        if (!keepInput) {
            stdin.close();
        }
        return process;
    }

    /** Reads the child's output until it ends or its time is up (then it is killed). Whether it ended by itself. */
    private static boolean awaitChild(Process process, ChildReader reader, CappedOutput stderr, long nanos, String student)
            throws IOException {
        Thread readOut = daemon(reader::readAll);
        Thread readErr = daemon(() -> copy(process.getErrorStream(), stderr));
        try {
            boolean ended = process.waitFor(nanos, TimeUnit.NANOSECONDS);
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

    /** How one JVM ended; an explanation for the student unless the suite finished. */
    private record Ending(Status status, String explanation, boolean outOfMemory) {
        Ending(Status status, String explanation) {
            this(status, explanation, false);
        }
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
            return new Ending(Status.TIMED_OUT, "The run stopped at the test \"" + reader.runaway + "\", which ran past its "
                    + "time limit with your code still running.");
        }
        // -XX:+ExitOnOutOfMemoryError ends the JVM with exit code 3 and a line on stdout or stderr.
        boolean outOfMemory = process.exitValue() == 3
                && (stderr.text().contains("OutOfMemoryError") || reader.unsigned.text().contains("OutOfMemoryError"));
        if (outOfMemory) {
            return new Ending(Status.CRASHED, "The run ran out of memory (the limit is " + HEAP + ") " + during
                    + ". Look for a structure that keeps growing: entries never evicted, nodes never unlinked.", true);
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
        final Set<String> received = new java.util.LinkedHashSet<>(); // tests this JVM reported an outcome for
        final List<String> problems = new ArrayList<>();
        final CappedOutput unsigned = new CappedOutput(16 * 1024); // what reached stdout outside the channel
        volatile String running;
        volatile String runningKey;
        volatile long runningSince;
        volatile boolean finished;
        volatile String runaway; // the test that never returned, when the run stopped itself
        volatile long readyAt = -1;
        String output = "";
        long outputCut;
        volatile boolean forged;

        ChildReader(ResultChannel channel, InputStream in, List<TestOutcome> plan) {
            this.channel = channel;
            this.in = in;
            plan.forEach(o -> outcomes.put(key(o), o));
        }

        /** Seconds since the last test started. */
        double runningFor() {
            return runningSince == 0 ? 0 : (System.nanoTime() - runningSince) / 1e9;
        }

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
                case "started" -> {
                    running = event.test();
                    runningKey = event.key();
                    runningSince = System.nanoTime();
                }
                case "outcome" -> {
                    String key = key(event.outcome());
                    if (outcomes.containsKey(key)) {
                        // Sent as a test ends, or as the final word of a JVM that ran to the end: either way,
                        // concluded (a test this JVM left out, concluded earlier, is not in its plan).
                        outcomes.put(key, event.outcome());
                        received.add(key);
                    }
                }
                case "output" -> {
                    output = event.text();
                    outputCut = event.cut();
                }
                case "finished" -> finished = true;
                case "runaway" -> runaway = event.test();
                default -> problems.add("unknown result event " + PlainText.clean(event.type(), 80));
            }
        }
    }

    static String key(TestOutcome outcome) {
        return outcome.testClass() + "#" + outcome.testMethod();
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
