package memolab.grader.grading;

import com.google.gson.Gson;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import memolab.grader.rules.ExerciseRules;
import memolab.grader.runner.SubmissionClassLoader;
import memolab.grader.score.PlainText;
import org.jacoco.core.analysis.Analyzer;
import org.jacoco.core.analysis.CoverageBuilder;
import org.jacoco.core.analysis.IClassCoverage;
import org.jacoco.core.data.ExecutionDataStore;
import org.jacoco.core.data.SessionInfoStore;
import org.jacoco.core.instr.Instrumenter;
import org.jacoco.core.runtime.IRuntime;
import org.jacoco.core.runtime.LoggerRuntime;
import org.jacoco.core.runtime.RuntimeData;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The entry point of the JVM that runs a student's own tests ({@code YourTestsMain <plan.json>}):
 * against each target of the plan in turn (the reference, the corpus's bugs, the student's own
 * classes), each time in class loaders of its own, and reports every test's result on the
 * signed channel (its key is the first line on standard input) as the test ends. A test that
 * runs past its limit with its code still running ends this JVM: the grader goes on in a
 * fresh one with the tests not yet run.
 */
public final class YourTestsMain {

    /**
     * What to run: the test classes' folder, the targets in order, the limit per test; and for a
     * target measured for coverage that a JVM before this one ended during, the coverage its
     * tests had reached there (JaCoCo's execution data, in Base64), to add to this JVM's.
     */
    record Plan(String tests, List<Target> targets, int timeoutSeconds, List<List<String>> caches,
                Map<String, String> coveredBefore) {
    }

    /**
     * One run of the tests: against {@code classes}, only the tests in {@code only} (all when
     * null), leaving out those in {@code skip}; with the branch coverage of the cache's classes
     * ({@link ExerciseRules#isCacheClass}) when {@code coverage}; the tests after the
     * first that fails left unrun when {@code failFast} (one failure is all a bug needs); each
     * test in {@code limits} given that many milliseconds before it counts as never returning
     * (null: the plan's limit alone). With {@code soundFrom}, {@code only} and {@code limits}
     * come from the runs of those targets earlier in this JVM: the tests that passed on every
     * one of them, each with {@link YourTests#LIMIT_FACTOR} times its slowest run there (as
     * {@code YourTests} reckons them from the same runs when a JVM must start afresh). On a
     * cache of the corpus, each test in {@code stepLimits} may make the cache pass that many
     * checks ({@link LoopStop}) before it counts as never returning, as if it had outlived its
     * limit: a cache that loops is seen there long before the clock sees it.
     */
    record Target(String id, List<String> classes, List<String> only, List<String> skip, boolean coverage, boolean failFast,
                  Map<String, Long> limits, List<String> soundFrom, Map<String, Long> stepLimits) {
        Target(String id, List<String> classes, List<String> only, List<String> skip, boolean coverage, boolean failFast,
               Map<String, Long> limits, List<String> soundFrom) {
            this(id, classes, only, skip, coverage, failFast, limits, soundFrom, null);
        }
    }

    /** The id of a bug's run number {@code run}: the grader runs each bug more than once. */
    static String runId(String bug, int run) {
        return bug + "#" + run;
    }

    /** The bug a target id of {@link #runId} names; null for any other target (a correct cache, the student's own). */
    static String bugOf(String targetId) {
        int at = targetId.lastIndexOf('#');
        return at < 0 ? null : targetId.substring(0, at);
    }

    /**
     * How long a test stopped on a cache of the corpus ({@link LoopStop}) has to end, its threads
     * with it, before this JVM ends after all: the cache's code throws at its next turn.
     */
    public static final long STOP_GRACE_MILLIS = 300;

    /** What the first test a JVM runs may take beyond its limit: it loads the test libraries and the tests' classes. */
    public static final long FIRST_TEST_GRACE_MILLIS = 1_500;

    /** Set when a test failed in a fail-fast target: {@link FailFast} then leaves the target's other tests unrun. */
    private static volatile boolean caught;

    /**
     * The running target's {@code only} (null: every test) and {@code skip}: the discovery
     * filter applies them to the tests it sees, and {@link FailFast} and the {@link Emitter}
     * to those JUnit makes while running (a parameterized or repeated test's cases, a factory's
     * tests), which no discovery filter sees.
     */
    private static volatile Set<String> only;
    private static volatile Set<String> skip = Set.of();

    /** Whether the test {@code id} is one the running target runs. */
    static boolean admitted(String id) {
        Set<String> tests = only;
        return (tests == null || tests.contains(id)) && !skip.contains(id);
    }

    /**
     * Leaves a target's remaining tests unrun once one failed, where the target asks for it.
     * Registered through {@code META-INF/services}, and active only in this JVM's launcher,
     * which alone turns extension auto-detection on.
     */
    public static final class FailFast implements org.junit.jupiter.api.extension.ExecutionCondition {
        @Override
        public org.junit.jupiter.api.extension.ConditionEvaluationResult evaluateExecutionCondition(
                org.junit.jupiter.api.extension.ExtensionContext context) {
            if (caught) {
                return org.junit.jupiter.api.extension.ConditionEvaluationResult.disabled("a test already failed here");
            }
            String id = context.getUniqueId();
            Set<String> tests = only;
            boolean above = tests != null && tests.stream().anyMatch(test -> test.startsWith(id + "/")); // a case's template
            if (context.getTestMethod().isPresent() && !above && !admitted(id)) {
                return org.junit.jupiter.api.extension.ConditionEvaluationResult.disabled("not one of the tests run here");
            }
            return org.junit.jupiter.api.extension.ConditionEvaluationResult.enabled("");
        }
    }

    /**
     * One message of this JVM: "started", "result", "done" (a target), "runaway", "finished". A
     * test's result on a cache of the corpus says how many checks ({@link LoopStop}) the cache
     * passed during it: {@code steps}, the work the cache did for the test.
     */
    record Event(String type, String target, String test, String name, boolean failed, boolean timedOut, String message,
                 int covered, int branches, long steps) {
        Event(String type, String target, String test, String name, boolean failed, boolean timedOut, String message,
              int covered, int branches) {
            this(type, target, test, name, failed, timedOut, message, covered, branches, 0);
        }
    }

    private static final Gson GSON = new Gson();

    /** JUnit's threads for a test with a time limit ({@code SEPARATE_THREAD}). */
    private static final String TIMEOUT_THREAD = "junit-timeout-thread-";

    private YourTestsMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream channelOut = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        BufferedReader grader = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        ResultChannel channel = ResultChannel.fromHex(grader.readLine());
        System.setIn(new ByteArrayInputStream(new byte[0]));
        discardOutput(); // what the tests print is theirs: no report shows it
        Path planFile = Path.of(args[0]);
        Plan plan = GSON.fromJson(Files.readString(planFile, StandardCharsets.UTF_8), Plan.class);
        Files.delete(planFile); // it names the caches' folders: the tests have no business there
        // Every cache's classes, read now: once the wall is up, the tests' JVM reads no folder of the grader's. A later
        // plan (below) runs on caches among these.
        Map<List<String>, Map<String, byte[]>> caches = new HashMap<>();
        List<List<String>> toRead = new ArrayList<>(plan.caches());
        plan.targets().forEach(target -> toRead.add(target.classes()));
        for (List<String> folders : toRead) {
            caches.computeIfAbsent(folders, classes -> {
                try {
                    return classFiles(classes.stream().map(Path::of).toList());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        Path tests = Path.of(plan.tests());
        Path cache = Files.createDirectories(tests.getParent().resolve("cache").resolve(ExerciseRules.STUDENT_PACKAGE));
        TestsSandbox sandbox = TestsSandbox.forTests(tests, cache.getParent());
        Emitter emitter = new Emitter(channel, channelOut);
        emitter.watch(); // before the wall: it starts a thread
        channel.sign("{}"); // the JDK's cryptography set up (it reads its configuration) before the wall stands
        if (!sandbox.install()) {
            emitter.send(new Event("unwalled", null, null, null, false, false, "this Java (" + Runtime.version()
                    + ") has no security manager: the tests' JVM has only the rules for a wall", 0, 0));
        }
        Set<String> passedBugs = new java.util.HashSet<>(); // bugs a run of which passed every test here
        // A cache of the corpus runs with its stop checks (below), added once for all its runs in this JVM.
        Map<List<String>, Map<String, byte[]>> stopChecked = new HashMap<>();
        while (true) {
            for (Target given : plan.targets()) {
                String bug = bugOf(given.id());
                if (bug != null && given.failFast() && passedBugs.contains(bug)) {
                    // Another run of this bug passed every test: a catch needs a failure in each, so this run would tell nothing.
                    emitter.send(new Event("done", given.id(), null, null, false, false, null, 0, 0));
                    continue;
                }
                Target target = given.soundFrom() == null ? given : emitter.sound(given);
                emitter.target = target.id();
                emitter.failFast = target.failFast();
                emitter.limits = target.limits();
                emitter.stepLimits = target.stepLimits();
                emitter.stoppable = !target.coverage(); // a cache of the corpus: its classes check for the stop
                caught = false;
                TestLibraries.reset();
                discardOutput(); // a stream a test closed on one cache (its error flag set) is not the next one's
                Map<String, byte[]> read = caches.get(target.classes());
                if (read == null) {
                    throw new IllegalStateException("a later plan names caches the first did not: " + target.classes());
                }
                Map<String, byte[]> classes = target.coverage() ? read
                        : stopChecked.computeIfAbsent(target.classes(), folders -> withStopChecks(read));
                int[] coverage = run(plan, target, classes, sandbox, emitter);
                if (bug != null && target.failFast() && !caught) {
                    passedBugs.add(bug);
                }
                emitter.send(new Event("done", target.id(), null, null, false, false, null, coverage[0], coverage[1]));
            }
            emitter.send(new Event("finished", null, null, null, false, false, null, 0, 0));
            channelOut.flush();
            // The grader may send a further plan, one line of JSON, on the caches read above: the next pass over the
            // bugs, in this JVM rather than a fresh one. The end of its input ends this JVM.
            String next = grader.readLine();
            if (next == null || next.isBlank()) {
                break;
            }
            plan = GSON.fromJson(next, Plan.class);
        }
        ChildMain.endNow();
    }

    /** Sends what the tests print nowhere, through streams of their own. */
    private static void discardOutput() {
        System.setOut(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
    }

    /** Runs the tests against one target; the covered and total branches of its cache's classes when asked, else zeros. */
    private static int[] run(Plan plan, Target target, Map<String, byte[]> classes, TestsSandbox sandbox, Emitter emitter)
            throws IOException {
        Path tests = Path.of(plan.tests());
        IRuntime runtime = null;
        RuntimeData data = null;
        Map<String, byte[]> originals = new HashMap<>();
        byte[] before = null;
        if (target.coverage()) {
            runtime = new LoggerRuntime();
            data = new RuntimeData();
            String earlier = plan.coveredBefore() == null ? null : plan.coveredBefore().get(target.id());
            before = earlier == null ? null : java.util.Base64.getDecoder().decode(earlier);
            covering = new Covering(target.id(), data, before);
        }
        // Every cache runs from the same folder, copied afresh: where its classes were loaded from tells nothing.
        List<Path> folders = List.of(copied(classes, tests.getParent().resolve("cache"), runtime, originals));
        if (runtime != null) {
            try {
                runtime.startup(data);
            } catch (Exception e) {
                throw new IllegalStateException("JaCoCo's runtime did not start", e);
            }
        }
        List<URL> urls = new ArrayList<>();
        for (Path folder : folders) {
            urls.add(folder.toUri().toURL());
        }
        urls.add(tests.toUri().toURL());
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (SubmissionClassLoader loader = SubmissionClassLoader.create(urls, List.of(), YourTestsMain.class.getClassLoader())) {
            thread.setContextClassLoader(loader);
            LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(DiscoverySelectors.selectClasspathRoots(Set.of(tests)))
                    .configurationParameter("junit.jupiter.execution.timeout.default", plan.timeoutSeconds() + " s")
                    .configurationParameter("junit.jupiter.execution.timeout.mode", "enabled")
                    .configurationParameter("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD")
                    .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
                    .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true");
            only = target.only() == null ? null : Set.copyOf(target.only());
            skip = target.skip() == null ? Set.of() : Set.copyOf(target.skip());
            request.filters((PostDiscoveryFilter) descriptor -> descriptor.isTest()
                    ? FilterResult.includedIf(admitted(descriptor.getUniqueId().toString()))
                    : FilterResult.included("a container"));
            LauncherDiscoveryRequest built = request.build();
            // Nothing registers itself: the suite's RulesReadEarly, in this jar too, is the student's run's alone.
            Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                    .enableTestExecutionListenerAutoRegistration(false)
                    .enableLauncherSessionListenerAutoRegistration(false).build());
            // The tests run on a thread made for this cache (a test class's constructor and initialisers run there, its
            // tests on JUnit's threads made from it): what a thread keeps (its random numbers, the sequence of its
            // objects' identity hashes, its thread-locals) ends with the cache. Every cache's thread has the same name:
            // a name that said which cache runs (a bug's run, or a correct one) would let a test fail on the bugs alone.
            Throwable[] thrown = {null};
            Thread runs = new Thread(() -> {
                try {
                    launcher.execute(built, emitter);
                } catch (Throwable t) {
                    thrown[0] = t;
                }
            }, "memolab-your-tests");
            runs.setContextClassLoader(loader);
            emitter.runningOn(runs);
            sandbox.testsRunning(true);
            try {
                runs.start();
                runs.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the tests ran", e);
            } finally {
                sandbox.testsRunning(false);
            }
            if (thrown[0] instanceof Error error) {
                throw error;
            } else if (thrown[0] != null) {
                throw new IllegalStateException("JUnit stopped on a cache", thrown[0]);
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
        if (runtime == null) {
            return new int[] {0, 0};
        }
        covering = null;
        ExecutionDataStore executionData = collected(data, before);
        runtime.shutdown();
        CoverageBuilder coverage = new CoverageBuilder();
        Analyzer analyzer = new Analyzer(executionData, coverage);
        for (Map.Entry<String, byte[]> original : originals.entrySet()) {
            analyzer.analyzeClass(original.getValue(), original.getKey());
        }
        int covered = 0;
        int branches = 0;
        for (IClassCoverage covering : coverage.getClasses()) {
            covered += covering.getBranchCounter().getCoveredCount();
            branches += covering.getBranchCounter().getTotalCount();
        }
        return new int[] {covered, branches};
    }

    /** The target measured for coverage while its tests run: its id, JaCoCo's probes, and what JVMs before reached. */
    private record Covering(String target, RuntimeData data, byte[] before) {
    }

    private static volatile Covering covering;

    /** The probes {@code data} has set, with those of {@code before} (execution data a JVM before this one sent) added. */
    private static ExecutionDataStore collected(RuntimeData data, byte[] before) throws IOException {
        ExecutionDataStore store = new ExecutionDataStore();
        data.collect(store, new SessionInfoStore(), false);
        if (before != null) {
            org.jacoco.core.data.ExecutionDataReader reader = new org.jacoco.core.data.ExecutionDataReader(
                    new ByteArrayInputStream(before));
            reader.setExecutionDataVisitor(store); // put() adds the probes to those of the same class
            reader.setSessionInfoVisitor(new SessionInfoStore());
            reader.read();
        }
        return store;
    }

    /** What the tests measured for coverage have reached so far in this JVM and those before, as execution data. */
    private static byte[] coveredSoFar(Covering measured) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        collected(measured.data(), measured.before()).accept(new org.jacoco.core.data.ExecutionDataWriter(bytes));
        return bytes.toByteArray();
    }

    /**
     * The processor time the running test has used since it started: the runner's thread (a
     * test class's constructor runs there) and JUnit's time-limit threads made since, which run
     * the test's code. A time-limit thread already there when the test started is an earlier
     * test's, left running (a timeout it swallowed): it is not this test's. A test that waits
     * uses none, and is left to the clock.
     */
    static final class TestCpu {
        private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
        private volatile Thread runner;
        private final Map<Long, Long> atStart = new HashMap<>();
        private final boolean measured = THREADS.isCurrentThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();

        TestCpu(Thread runner) {
            this.runner = runner;
        }

        /** The thread that runs the tests of the next cache (JUnit's own work, and the test classes' constructors). */
        void runner(Thread thread) {
            runner = thread;
        }

        /** Marks the start of a test: what each thread had used by then. */
        void start() {
            atStart.clear();
            if (measured) {
                threads().forEach(t -> atStart.put(t.getId(), Math.max(0, THREADS.getThreadCpuTime(t.getId()))));
            }
        }

        /** Nanoseconds of processor time since {@link #start}; 0 where the JVM does not measure it. */
        long used() {
            if (!measured) {
                return 0;
            }
            long used = 0;
            Thread tests = runner;
            for (Thread thread : threads()) {
                Long before = atStart.get(thread.getId());
                long now = THREADS.getThreadCpuTime(thread.getId());
                if (now > 0 && (before == null || thread == tests)) {
                    used += now - (before == null ? 0 : before);
                }
            }
            return used;
        }

        private List<Thread> threads() {
            List<Thread> threads = new ArrayList<>();
            Thread tests = runner;
            threads.add(tests);
            timeLimitThreads().stream().filter(thread -> thread != tests).forEach(threads::add);
            return threads;
        }
    }

    /** JUnit's time-limit threads alive now (at a test's start: an earlier test's, left running). */
    private static List<Thread> timeLimitThreads() {
        Thread[] all = new Thread[Thread.activeCount() + 8];
        int count = Thread.enumerate(all);
        while (count == all.length) { // the array may have been too short: Thread.enumerate leaves out what does not fit
            all = new Thread[all.length * 2];
            count = Thread.enumerate(all);
        }
        List<Thread> found = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (all[i].getName().startsWith(TIMEOUT_THREAD)) {
                found.add(all[i]);
            }
        }
        return found;
    }

    /**
     * The test libraries' state of the whole JVM, set back to what a fresh JVM has before each
     * target: behind the rule that refuses tests which set it
     * ({@code student_tests_should_keep_nothing_between_caches}), so that nothing a test set on
     * one cache is there on the next. Every static field AssertJ can change from its public
     * API is among these ({@code TestLibrariesTest} holds the list to AssertJ's classes).
     */
    static final class TestLibraries {
        private static final class Defaults { // AssertJ's, as a fresh JVM has them
            static final int MAX_ELEMENTS_FOR_PRINTING = org.assertj.core.configuration.Configuration.MAX_ELEMENTS_FOR_PRINTING;
            static final int MAX_LENGTH_FOR_SINGLE_LINE_DESCRIPTION =
                    org.assertj.core.configuration.Configuration.MAX_LENGTH_FOR_SINGLE_LINE_DESCRIPTION;
            static final int MAX_STACKTRACE_ELEMENTS_DISPLAYED =
                    org.assertj.core.configuration.Configuration.MAX_STACKTRACE_ELEMENTS_DISPLAYED;
            static final boolean REMOVE_ASSERTJ_RELATED_ELEMENTS_FROM_STACK_TRACE =
                    org.assertj.core.configuration.Configuration.REMOVE_ASSERTJ_RELATED_ELEMENTS_FROM_STACK_TRACE;
            static final boolean PRINT_ASSERTIONS_DESCRIPTION_ENABLED =
                    org.assertj.core.configuration.Configuration.PRINT_ASSERTIONS_DESCRIPTION_ENABLED;
            static final org.assertj.core.configuration.PreferredAssumptionException PREFERRED_ASSUMPTION_EXCEPTION =
                    org.assertj.core.configuration.Configuration.PREFERRED_ASSUMPTION_EXCEPTION;
        }

        private TestLibraries() {
        }

        /** AssertJ's settings (representation, formatters, limits, date formats of this thread, assumptions) as at its start. */
        static void reset() {
            // Setting by setting, with a fresh JVM's values (its Configuration's defaults differ in two, and applying it
            // loads Assumptions, which needs ByteBuddy).
            org.assertj.core.api.Assertions.setAllowComparingPrivateFields(true);
            org.assertj.core.api.Assertions.setAllowExtractingPrivateFields(true);
            org.assertj.core.api.Assertions.setExtractBareNamePropertyMethods(false);
            org.assertj.core.api.Assertions.setLenientDateParsing(false);
            org.assertj.core.api.Assertions.useDefaultDateFormatsOnly();
            org.assertj.core.api.Assertions.setMaxElementsForPrinting(Defaults.MAX_ELEMENTS_FOR_PRINTING);
            org.assertj.core.api.Assertions.setMaxLengthForSingleLineDescription(Defaults.MAX_LENGTH_FOR_SINGLE_LINE_DESCRIPTION);
            org.assertj.core.api.Assertions.setMaxStackTraceElementsDisplayed(Defaults.MAX_STACKTRACE_ELEMENTS_DISPLAYED);
            org.assertj.core.api.Assertions.setRemoveAssertJRelatedElementsFromStackTrace(
                    Defaults.REMOVE_ASSERTJ_RELATED_ELEMENTS_FROM_STACK_TRACE);
            org.assertj.core.api.Assertions.setPrintAssertionsDescription(Defaults.PRINT_ASSERTIONS_DESCRIPTION_ENABLED);
            org.assertj.core.api.Assertions.setDescriptionConsumer(null);
            org.assertj.core.api.AbstractAssert.setCustomRepresentation(null);
            org.assertj.core.presentation.StandardRepresentation.removeAllRegisteredFormatters();
            org.assertj.core.api.AbstractAssert.throwUnsupportedExceptionOnEquals = true;
            if (org.assertj.core.api.AssumptionExceptionFactory.getPreferredAssumptionException()
                    != Defaults.PREFERRED_ASSUMPTION_EXCEPTION) {
                // Set through Assumptions only, which needs ByteBuddy: its field directly.
                try {
                    java.lang.reflect.Field preferred = org.assertj.core.api.AssumptionExceptionFactory.class
                            .getDeclaredField("preferredAssumptionException");
                    preferred.setAccessible(true);
                    preferred.set(null, Defaults.PREFERRED_ASSUMPTION_EXCEPTION);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("AssertJ's preferred assumption exception cannot be set back", e);
                }
            }
        }
    }

    /** The class files of package {@code memolab} in {@code folders}, by file name; the first folder's win, as a class loader's do. */
    static Map<String, byte[]> classFiles(List<Path> folders) throws IOException {
        Map<String, byte[]> classes = new java.util.LinkedHashMap<>();
        for (Path folder : folders) {
            Path packageFolder = folder.resolve(ExerciseRules.STUDENT_PACKAGE);
            if (!Files.isDirectory(packageFolder)) {
                continue;
            }
            try (Stream<Path> files = Files.list(packageFolder)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                    classes.putIfAbsent(file.getFileName().toString(), Files.readAllBytes(file));
                }
            }
        }
        return classes;
    }

    /**
     * A cache of the corpus's {@code classes} (correct or not), each with the calls of
     * {@link LoopStop#check}, so that a test whose time is up there ends without its JVM.
     */
    private static Map<String, byte[]> withStopChecks(Map<String, byte[]> classes) {
        Map<String, byte[]> checked = new java.util.LinkedHashMap<>();
        classes.forEach((file, bytes) -> checked.put(file,
                memolab.grader.runner.StepCounting.withCalls(bytes, LoopStop.OWNER, LoopStop.CHECK)));
        return checked;
    }

    /**
     * The cache's {@code classes} written into {@code into}; with a {@code runtime} (the student's
     * own classes), the cache's ({@link ExerciseRules#isCacheClass}) instrumented by JaCoCo, and
     * their original bytes put in {@code originals}, for the analysis; without, as given (a cache
     * of the corpus, {@link #withStopChecks}).
     */
    private static Path copied(Map<String, byte[]> classes, Path into, IRuntime runtime, Map<String, byte[]> originals)
            throws IOException {
        Path out = into.resolve(ExerciseRules.STUDENT_PACKAGE); // made before the wall went up, emptied here
        try (Stream<Path> previous = Files.list(out)) {
            for (Path file : previous.toList()) {
                Files.delete(file);
            }
        }
        Instrumenter instrumenter = runtime == null ? null : new Instrumenter(runtime);
        for (Map.Entry<String, byte[]> file : classes.entrySet()) {
            String simple = file.getKey().replaceFirst("\\.class$", "");
            byte[] bytes = file.getValue();
            if (instrumenter != null && ExerciseRules.isCacheClass(simple)) {
                String name = ExerciseRules.STUDENT_PACKAGE + "/" + simple;
                originals.put(name, bytes);
                bytes = instrumenter.instrument(bytes, name);
            }
            Files.write(out.resolve(file.getKey()), bytes);
        }
        return into;
    }

    /**
     * Sends each test's result as it ends; ends this JVM when a test's code outlives its time
     * limit, or, on a target with limits of its own, outlives those (watched by a thread of its own).
     */
    private static final class Emitter implements TestExecutionListener {
        private final ResultChannel channel;
        private final PrintStream out;
        private TestPlan testPlan;
        String target;
        boolean failFast;
        volatile Map<String, Long> limits;
        volatile Map<String, Long> stepLimits; // on a cache of the corpus: the checks each test's cache may pass
        volatile boolean stoppable; // the running cache is the corpus's: a test whose time is up there can be stopped
        private boolean first = true; // no test has started in this JVM yet
        private TestIdentifier stopped; // the test given its verdict and then stopped, until it ends; guarded by this
        private boolean stoppedEnded;
        private long stopUntil;
        private TestIdentifier watched; // the running test with a limit of its own, guarded by this
        private long watchedUntil;
        private long watchedMillis;
        private long watchedCpuMillis;
        private long watchedCpuNanos; // with the first test's grace
        private final TestCpu cpu = new TestCpu(Thread.currentThread());
        private long startedAt; // when the running test started
        /** Each target's tests that passed, with the nanoseconds each took; and the tests that failed. */
        private final Map<String, Map<String, Long>> passed = new HashMap<>();
        private final Map<String, Set<String>> failed = new HashMap<>();

        /** {@code target} with its {@code only} and {@code limits} drawn from the runs of its {@code soundFrom} targets here. */
        Target sound(Target target) {
            Map<String, Long> slowest = null;
            for (String from : target.soundFrom()) {
                Map<String, Long> ran = passed.getOrDefault(from, Map.of());
                if (slowest == null) {
                    slowest = new java.util.LinkedHashMap<>(ran);
                } else {
                    slowest.keySet().retainAll(ran.keySet());
                    slowest.replaceAll((test, nanos) -> Math.max(nanos, ran.get(test)));
                }
                slowest.keySet().removeAll(failed.getOrDefault(from, Set.of()));
            }
            Map<String, Long> limits = YourTests.limits(slowest == null ? Map.of() : slowest);
            return new Target(target.id(), target.classes(), List.copyOf(limits.keySet()), target.skip(), target.coverage(),
                    target.failFast(), target.failFast() || target.limits() != null ? limits : null, null);
        }

        Emitter(ResultChannel channel, PrintStream out) {
            this.channel = channel;
            this.out = out;
        }

        /** The thread the next cache's tests run on. */
        synchronized void runningOn(Thread thread) {
            cpu.runner(thread);
        }

        synchronized void send(Event event) {
            out.println(channel.sign(GSON.toJson(event)));
        }

        /**
         * Ends this JVM, as a test outlived its limit; first sends the coverage the tests of the
         * target measured for it reached here, which the fresh JVM that runs the rest adds to its
         * own (else the branches the tests before this one reached would count for nothing).
         */
        void endNow() {
            Covering measured = covering;
            if (measured != null) {
                try {
                    send(new Event("covered", measured.target(), null, null, false, false,
                            java.util.Base64.getEncoder().encodeToString(coveredSoFar(measured)), 0, 0));
                } catch (IOException | RuntimeException e) {
                    // the fresh JVM counts its own tests' coverage alone, as before
                }
            }
            out.flush();
            ChildMain.endNow();
        }

        @Override
        public void testPlanExecutionStarted(TestPlan plan) {
            testPlan = plan;
        }

        @Override
        public void executionStarted(TestIdentifier test) {
            if (test.isTest()) {
                LoopStop.stop(false); // the test before this one has ended: its thread did, or this JVM would have
                send(new Event("started", target, test.getUniqueId(), name(test), false, false, null, 0, 0));
                startedAt = System.nanoTime();
                Map<String, Long> own = limits;
                Long millis = own == null ? null : own.get(test.getUniqueId());
                Map<String, Long> ownSteps = stepLimits;
                Long steps = millis == null || ownSteps == null || !stoppable ? null : ownSteps.get(test.getUniqueId());
                LoopStop.count(steps == null ? Long.MAX_VALUE : steps, timeLimitThreads());
                synchronized (this) {
                    if (millis != null) {
                        long grace = first ? FIRST_TEST_GRACE_MILLIS : 0;
                        watched = test;
                        watchedMillis = YourTests.clockLimitMillis(millis);
                        watchedUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(watchedMillis + grace);
                        watchedCpuMillis = YourTests.cpuLimitMillis(millis);
                        watchedCpuNanos = TimeUnit.MILLISECONDS.toNanos(watchedCpuMillis + grace);
                        cpu.start();
                    }
                    first = false;
                }
            }
        }

        /**
         * Starts the thread that watches the running test's own limit. A test that outlives it is
         * reported failed, as never returning (on a bug, caught at once). On a cache of the corpus
         * its code is then stopped ({@link LoopStop}), and the JVM goes on once the test and its
         * threads have ended, within {@link #STOP_GRACE_MILLIS}; otherwise (its own code loops,
         * or it outlived the limit on the student's classes) this JVM ends, and the tests not yet
         * run go on in a fresh one.
         */
        void watch() {
            Thread watchdog = new Thread(() -> {
                while (true) {
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                    synchronized (this) {
                        if (stopped != null) {
                            if (!stoppedEnded && System.nanoTime() - stopUntil > 0) { // it ignored the stop: its own code loops
                                send(new Event("runaway", target, stopped.getUniqueId(), name(stopped), true, true, null, 0, 0));
                                endNow();
                            }
                            continue;
                        }
                        boolean byClock = watched != null && System.nanoTime() - watchedUntil > 0;
                        boolean byCpu = watched != null && !byClock && cpu.used() > watchedCpuNanos;
                        // Past its steps: the cache's work, the same on every run, where time needs a floor against a pause.
                        boolean bySteps = watched != null && !byClock && !byCpu && stoppable && LoopStop.overBudget();
                        if (byClock || byCpu || bySteps) {
                            String why = bySteps ? String.format(java.util.Locale.ROOT, "did not finish within its limit here: "
                                    + "the cache's code took more than %d times the steps it took for this test on the correct "
                                    + "caches (at least %,d steps), as a cache that loops does", YourTests.LIMIT_FACTOR,
                                    YourTests.STEP_FLOOR) : String.format(
                                    java.util.Locale.ROOT, "did not finish within %.1f s%s, its limit here (%d times its slowest "
                                            + "run on the correct caches, at least %.1f s)", (byClock ? watchedMillis
                                            : watchedCpuMillis) / 1000.0, byClock ? "" : " of processor time",
                                    YourTests.LIMIT_FACTOR, (byClock ? YourTests.LIMIT_FLOOR_MILLIS : YourTests.CPU_FLOOR_MILLIS)
                                            / 1000.0);
                            send(new Event("result", target, watched.getUniqueId(), name(watched), true, true, why, 0, 0));
                            if (stoppable) {
                                if (failFast) {
                                    caught = true;
                                }
                                stopped = watched;
                                stoppedEnded = false;
                                stopUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STOP_GRACE_MILLIS);
                                LoopStop.stop(true);
                                continue;
                            }
                            send(new Event("runaway", target, watched.getUniqueId(), name(watched), true, true, null, 0, 0));
                            endNow();
                        }
                    }
                }
            }, "memolab-your-tests-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
        }

        @Override
        public void executionSkipped(TestIdentifier test, String reason) {
            // a disabled test, or one the filter left out: neither passed nor failed
        }

        @Override
        public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            boolean failed = result.getStatus() == TestExecutionResult.Status.FAILED;
            if (!test.isTest()) {
                if (failed && test.getSource().isPresent()) {
                    // A class that failed to start (its @BeforeAll threw): its tests never ran, and count as failed.
                    String message = message(result);
                    for (TestIdentifier child : testPlan.getDescendants(test)) {
                        if (child.isTest() && admitted(child.getUniqueId())) {
                            send(new Event("result", target, child.getUniqueId(), name(child), true, false, message, 0, 0));
                            this.failed.computeIfAbsent(target, t -> new java.util.HashSet<>()).add(child.getUniqueId());
                            if (failFast) {
                                caught = true; // a failure like any other: the bug's further run must fail it again
                            }
                        }
                    }
                    if (leftRunning(result) && (stoppable ? !stoppedAfterTimeout() : runawayLeft())) {
                        // Its @BeforeAll outlived its limit and runs on: the rest go on in a fresh JVM, as after a test's.
                        endNow();
                    }
                }
                return;
            }
            synchronized (this) {
                if (watched != null && watched.getUniqueId().equals(test.getUniqueId())) {
                    watched = null;
                }
                if (stopped != null && stopped.getUniqueId().equals(test.getUniqueId())) {
                    stoppedEnded = true;
                } else {
                    stoppedEnded = false;
                }
            }
            if (stoppedEnded) {
                // Its verdict went out when its time was up; what it did once stopped counts for nothing. The JVM goes on
                // once its threads have ended too.
                this.failed.computeIfAbsent(target, t -> new java.util.HashSet<>()).add(test.getUniqueId());
                if (!stoppedAfterTimeout()) {
                    send(new Event("runaway", target, test.getUniqueId(), name(test), true, true, null, 0, 0));
                    endNow();
                }
                synchronized (this) {
                    stopped = null;
                    stoppedEnded = false;
                }
                return;
            }
            // A factory's test this target does not run (no condition reaches those) runs all the same: its result goes to
            // the grader, which counts it towards the most tests a cache runs and no further, and stops nothing here.
            boolean admitted = admitted(test.getUniqueId());
            if (failed && admitted) {
                this.failed.computeIfAbsent(target, t -> new java.util.HashSet<>()).add(test.getUniqueId());
            } else if (admitted) {
                passed.computeIfAbsent(target, t -> new HashMap<>()).put(test.getUniqueId(), System.nanoTime() - startedAt);
            }
            boolean timedOut = timedOut(result);
            boolean leftRunning = leftRunning(result);
            if (failed && failFast && admitted) {
                caught = true;
            }
            send(new Event("result", target, test.getUniqueId(), name(test), failed, timedOut, failed ? message(result) : null, 0, 0,
                    stoppable ? LoopStop.steps() : 0));
            if (leftRunning && (stoppable ? !stoppedAfterTimeout() : runawayLeft())) {
                send(new Event("runaway", target, test.getUniqueId(), name(test), true, true, null, 0, 0));
                endNow();
            }
        }

        /** "LruCacheTest > get refreshes the entry", from the class down, as the student named them. */
        private String name(TestIdentifier test) {
            List<String> names = new ArrayList<>();
            for (TestIdentifier at = test; at != null; at = testPlan == null ? null : testPlan.getParent(at).orElse(null)) {
                if (at.getParentId().isPresent()) { // the engine itself has none
                    names.add(0, at.getDisplayName());
                }
            }
            return PlainText.clean(String.join(" > ", names), 200);
        }

        private static String message(TestExecutionResult result) {
            Throwable thrown = result.getThrowable().orElse(null);
            if (thrown == null) {
                return "failed";
            }
            String text = thrown.getMessage() == null ? thrown.getClass().getName() : thrown.getClass().getSimpleName() + ": "
                    + thrown.getMessage();
            return PlainText.clean(text.strip(), 600);
        }

        /**
         * Whether a test (or a class's set-up) may have left a thread running: it ran out of JUnit's limit; or, on a cache
         * of the corpus, one of JUnit's time-limit threads is alive as it ends, whatever its result. A test's own
         * {@code assertTimeoutPreemptively} that runs out fails without a TimeoutException (its cause is an
         * ExecutionTimeoutException, or whatever the test's failure factory makes), or is caught and passes, and leaves
         * its code running: there it gets the stop (a thread merely ending is joined at once). On the student's own
         * classes such a thread is left to the end of the JVM, which comes after that cache: ending it sooner would lose
         * the branches the tests before it covered.
         */
        private boolean leftRunning(TestExecutionResult result) {
            return timedOut(result) || stoppable && timeLimitThreadsAlive();
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
         * After a test stopped at its own limit, or one that timed out (JUnit's limit, or an
         * {@code assertTimeoutPreemptively} of its own), on a cache of the corpus: stops the code of
         * the time-limit threads left running; whether every one ended within
         * {@link #STOP_GRACE_MILLIS}, so that the JVM can go on (the stop is then cleared).
         */
        private boolean stoppedAfterTimeout() {
            if (!stoppable) {
                return false;
            }
            LoopStop.stop(true);
            if (timeLimitThreadsLeft(STOP_GRACE_MILLIS)) {
                return false; // the stop stays: this JVM ends
            }
            LoopStop.stop(false);
            return true;
        }

        /** Whether one of JUnit's time-limit threads is alive. */
        private static boolean timeLimitThreadsAlive() {
            return !timeLimitThreads().isEmpty();
        }

        /** Whether a time-limit thread is still running, half a second after its test timed out. */
        private static boolean runawayLeft() {
            return timeLimitThreadsLeft(500);
        }

        /** Whether a time-limit thread is alive after waiting up to {@code millis} for them all to end (no longer). */
        private static boolean timeLimitThreadsLeft(long millis) {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            while (true) {
                List<Thread> alive = timeLimitThreads();
                long left = deadline - System.nanoTime();
                if (alive.isEmpty() || left <= 0) {
                    return !alive.isEmpty();
                }
                try {
                    alive.get(0).join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return true;
                }
            }
        }
    }
}
