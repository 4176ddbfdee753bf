package memolab.grader.grading;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import memolab.grader.junit.OutcomeCollector;
import memolab.grader.runner.StepCounting;
import memolab.grader.runner.SuiteRunner;
import memolab.grader.shared.WorkMeter;
import memolab.grader.score.TestOutcome;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;

/**
 * The entry point of the JVM that runs one submission: {@code ChildMain <classes> <suite>
 * <hidden> [<skip> <defer>]}, where the file {@code <skip>} lists the tests an earlier JVM of
 * the same submission already concluded ({@code Class#method}, one a line), which this one
 * leaves out, and the file {@code <defer>} the test classes to run after the others. The first line on standard input is the channel key. Student output is kept
 * (capped) and sent at the end; results go out on the signed channel as each test ends, so
 * a run cut short still reports what it finished.
 */
public final class ChildMain {

    /** JUnit runs each test with a time limit in a thread of this name ({@code SEPARATE_THREAD} mode). */
    private static final String TIMEOUT_THREAD = "junit-timeout-thread-";

    /** How much of the student's own output is kept for the report. */
    static final int OUTPUT_CAP = 64 * 1024;

    private ChildMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream channelOut = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        ResultChannel channel = ResultChannel.fromHex(
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII)).readLine());
        System.setIn(new ByteArrayInputStream(new byte[0]));
        CappedOutput captured = new CappedOutput(OUTPUT_CAP);
        PrintStream studentOut = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(studentOut);
        System.setErr(studentOut);

        // The cost tests count the steps of copies of the student's classes (none of the classes the other tests run).
        WorkMeter.install(StepCounting::instrument);
        Emitter emitter = new Emitter(channel, channelOut, captured);
        emitter.send(ChildEvent.ready());
        Set<String> skip = args.length > 3 ? Set.copyOf(Files.readAllLines(Path.of(args[3]), StandardCharsets.UTF_8)) : Set.of();
        Set<String> defer = args.length > 4 ? Set.copyOf(Files.readAllLines(Path.of(args[4]), StandardCharsets.UTF_8)) : Set.of();
        List<TestOutcome> outcomes = SuiteRunner.run(List.of(Path.of(args[0])), List.of(Path.of(args[1])),
                Boolean.parseBoolean(args[2]), skip, defer, emitter);
        outcomes.forEach(outcome -> emitter.send(ChildEvent.outcome(outcome))); // final word, incl. tests of a class that failed to start
        emitter.send(studentOutput(captured));
        emitter.send(ChildEvent.finished());
        channelOut.flush();
        endNow();
    }

    /**
     * What the student's code printed, as the reports show it: a stack it printed keeps the
     * frames of its own classes only, so that no report a student sees names a class, method
     * or line of the suite (the hidden tests' included) or of the grader.
     */
    static ChildEvent studentOutput(CappedOutput captured) {
        return ChildEvent.output(OutcomeCollector.studentFramesOnly(captured.text()), captured.dropped());
    }

    /**
     * Ends this JVM at once: a thread the submission started and never ended must not keep it
     * alive, nor a process it started outlive it (to edit the reports the grader writes next).
     */
    static void endNow() {
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
        Runtime.getRuntime().halt(0);
    }

    /** Sends "started" and "outcome" events as the suite runs. */
    private static final class Emitter extends OutcomeCollector {
        private final ResultChannel channel;
        private final PrintStream out;
        private final CappedOutput captured;

        Emitter(ResultChannel channel, PrintStream out, CappedOutput captured) {
            this.channel = channel;
            this.out = out;
            this.captured = captured;
        }

        synchronized void send(ChildEvent event) {
            out.println(channel.sign(event.toJson()));
        }

        @Override
        public void executionStarted(TestIdentifier testIdentifier) {
            super.executionStarted(testIdentifier);
            if (testIdentifier.isTest()) {
                String key = testIdentifier.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                        .map(m -> m.getClassName() + "#" + m.getMethodName()).orElse(null);
                send(ChildEvent.started(testIdentifier.getDisplayName(), key));
            }
        }

        @Override
        public void executionFinished(TestIdentifier testIdentifier, TestExecutionResult result) {
            super.executionFinished(testIdentifier, result);
            outcomeOf(testIdentifier).ifPresent(outcome -> send(ChildEvent.outcome(outcome)));
            boolean timedOut = timedOut(result);
            if (testIdentifier.isTest() && (timedOut || result.getStatus() == TestExecutionResult.Status.FAILED)) {
                // A test that timed out may leave JUnit's time-limit thread running; one that failed
                // at a limit of its own (BigStack's) may leave the thread it started. Its loop would
                // run beside every later test (and skew their timings): this JVM ends here, and the
                // grader runs the tests not yet run in a fresh one.
                if (!newRunaways(timedOut).isEmpty()) {
                    send(studentOutput(captured));
                    send(ChildEvent.runaway(testIdentifier.getDisplayName()));
                    out.flush();
                    endNow();
                }
            }
        }

        private static boolean timedOut(TestExecutionResult result) {
            for (Throwable t = result.getThrowable().orElse(null); t != null; t = t.getCause()) {
                if (t instanceof TimeoutException) {
                    return true;
                }
            }
            return false;
        }

        /**
         * The threads the test that just ended left running, alive after a moment's grace: threads the suite started for its code
         * ({@link OutcomeCollector#TEST_CODE_THREAD}), and, when it timed out, JUnit's
         * time-limit threads (their code ignored the interrupt JUnit sends it); empty when its
         * code returned.
         */
        private List<Thread> newRunaways(boolean timedOut) {
            long deadline = System.nanoTime() + 500_000_000L;
            do {
                List<Thread> alive = Thread.getAllStackTraces().keySet().stream()
                        .filter(t -> (t.getName().equals(OutcomeCollector.TEST_CODE_THREAD)
                                || timedOut && t.getName().startsWith(TIMEOUT_THREAD))
                                && t.isAlive())
                        .toList();
                if (alive.isEmpty() || System.nanoTime() >= deadline) {
                    return alive;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return alive;
                }
            } while (true);
        }
    }
}
