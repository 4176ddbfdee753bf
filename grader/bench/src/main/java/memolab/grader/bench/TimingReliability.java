package memolab.grader.bench;

import memolab.grader.shared.Statistics;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import memolab.grader.grading.SubmissionGrader;
import memolab.grader.selfcheck.Submissions;

/**
 * Runs the graded timing tests many times, each time in a fresh JVM as in grading, on the
 * reference (every run must pass: a failure is a false fail) and on slow variants (the test
 * aimed at their slowness must fail every time: a pass is a false pass), alone and with a
 * competing CPU load. Reports the rates and the measured ratios' spread.
 *
 * <p>Alone: one trial at a time, nothing else running. Loaded: as many trials at once as
 * the machine has cores, plus one thread that keeps a core busy, so each trial has less than
 * a core to itself: harsher than grading a class with {@code --jobs} = cores.
 */
final class TimingReliability {

    /** A submission and the timing tests it must fail (none: it must pass them all). */
    record Subject(String name, Path classes, Set<String> mustFail) {
        boolean reference() {
            return mustFail.isEmpty();
        }
    }

    /** What one test did over many trials. */
    static final class Tally {
        int passed;
        int failed;
        final List<Double> ratios = new ArrayList<>();
        final List<Double> seconds = new ArrayList<>(); // how long each measurement took
        int quick;                                       // measurements the early stop decided
        String limit = "not logged"; // the test logs it with its ratio
        final List<Double> overPlain = new ArrayList<>(); // a cost test's small cache over a plain LRU cache's
        String plainLimit = "not logged";
    }

    /**
     * {@code -Dbench.baseline=<grader jar>}: the same trials on that jar's suite too, in the
     * same run, for a before-and-after table ({@code bench.baselineTrials} and
     * {@code bench.baselineVariantTrials} trials, 40 and 10 unless set).
     */
    private static final String BASELINE = System.getProperty("bench.baseline", "");

    private static final Set<String> COST_TESTS = Set.of("costDoesNotGrowWithCapacity",
            "costDoesNotGrowWithCapacityOverAWideRange");
    private static final Set<String> MEMO_TESTS = Set.of("memoizedBeatsNaive", "memoizedBeatsNaiveByFar");
    /** Which logged measurement belongs to which test. */
    private static final Map<String, String> MEASUREMENT_OF = Map.of(
            "costDoesNotGrowWithCapacity", "cost 100000/1000",
            "costDoesNotGrowWithCapacityOverAWideRange", "cost 250000/500",
            "memoizedBeatsNaive", "speedup fib(27)",
            "memoizedBeatsNaiveByFar", "speedup fib(30)");
    private final boolean smoke;

    /** {@code -Dbench.only=cost}: the cost tests alone (reference and linear-scan), when only they changed. */
    private static final boolean COST_ONLY = System.getProperty("bench.only", "all").equals("cost");

    TimingReliability(boolean smoke) {
        this.smoke = smoke;
    }

    String run() throws Exception {
        Path slow = Submissions.REPO.resolve("grader/bench/src/main/resources/slow");
        List<Subject> subjects = new ArrayList<>(List.of(
                new Subject("reference", Submissions.compile("reference", Submissions.REFERENCE, null), Set.of()),
                new Subject("linear-scan", Submissions.compileVariant(Submissions.CORPUS, "linear-scan"), COST_TESTS)));
        if (!COST_ONLY) {
            subjects.add(new Subject("memo-capacity-one", Submissions.compileVariant(slow, "memo-capacity-one"), MEMO_TESTS));
            subjects.add(new Subject("naive-long-arithmetic", Submissions.compileVariant(slow, "naive-long-arithmetic"),
                    MEMO_TESTS));
        }
        int referenceTrials = Integer.getInteger("bench.trials", smoke ? 1 : 200);
        int variantTrials = Integer.getInteger("bench.variantTrials", smoke ? 1 : 40);
        int baselineTrials = Integer.getInteger("bench.baselineTrials", 40);
        int baselineVariantTrials = Integer.getInteger("bench.baselineVariantTrials", 10);
        Suite current = currentSuite();
        Suite baseline = baselineSuite();
        StringBuilder table = new StringBuilder();
        StringBuilder before = new StringBuilder();
        long start = System.nanoTime();
        // A short run proves the harness works: one trial of each, alone only.
        for (boolean loaded : smoke ? new boolean[] {false} : new boolean[] {false, true}) {
            for (Subject subject : subjects) {
                int trials = subject.reference() ? referenceTrials : variantTrials;
                appendRows(table, subject, loaded, trials, trials(List.of(current), subject, trials, loaded, tests()).get(0));
                if (baseline != null) {
                    int baseTrials = subject.reference() ? baselineTrials : baselineVariantTrials;
                    appendRows(before, subject, loaded, baseTrials,
                            trials(List.of(baseline), subject, baseTrials, loaded, tests()).get(0));
                }
            }
        }
        double minutes = (System.nanoTime() - start) / 60e9;
        String modes = (smoke ? "alone only (a short run)" : "alone and loaded") + (COST_ONLY ? ", the cost tests only" : "");
        String report = report(table.toString(), referenceTrials, variantTrials, minutes, modes);
        if (baseline != null) {
            report += String.format(Locale.ROOT, """

                    **Before**: the same trials, in the same run, on the suite of `%s` (its timing tests as \
                    they were, with the flags its grader gave the suite's JVM: %s), %d trials of the reference \
                    and %d of each slow variant:

                    %s
                    """, Path.of(BASELINE).getFileName(), baselineFlagsText(), baselineTrials, baselineVariantTrials,
                    TABLE_HEAD + before);
        }
        return report;
    }

    /** The classpath of a trial's JVM, where its graded suite's classes are, and its grader's flags for the suite's JVM. */
    record Suite(String classpath, Path classes, List<String> jvmFlags) {
    }

    /**
     * The cost tests' margins, this build's suite beside the baseline's ({@code -Dbench.baseline};
     * without one, this build's alone): the reference only, the same number of trials of each
     * suite ({@code bench.trials}, 200 unless set), alternating, alone and loaded, so that both
     * meet the same machine. Compares each test's median, 95th percentile and worst ratio.
     */
    String costMargins() throws Exception {
        Subject reference = new Subject("reference", Submissions.compile("reference", Submissions.REFERENCE, null), Set.of());
        int trials = Integer.getInteger("bench.trials", smoke ? 1 : 200);
        List<Suite> suites = new ArrayList<>(List.of(currentSuite()));
        List<String> names = new ArrayList<>(List.of("this build"));
        if (baselineSuite() != null) {
            suites.add(baselineSuite());
            names.add("`" + Path.of(BASELINE).getFileName() + "`");
        }
        StringBuilder rows = new StringBuilder();
        StringBuilder plainRows = new StringBuilder();
        long start = System.nanoTime();
        for (boolean loaded : smoke ? new boolean[] {false} : new boolean[] {false, true}) {
            List<Map<String, Tally>> tallies = trials(suites, reference, trials, loaded, new Tests(COST_PATTERN, COST_TESTS));
            for (String test : new java.util.TreeSet<>(COST_TESTS)) {
                for (int i = 0; i < suites.size(); i++) {
                    rows.append(marginRow(loaded, test, names.get(i), tallies.get(i).get(test)));
                }
                plainRows.append(plainRow(loaded, test, tallies.get(0).get(test)));
            }
        }
        double minutes = (System.nanoTime() - start) / 60e9;
        return String.format(Locale.ROOT, """
                Measured on %s, in %.0f minutes: the cost tests on the reference, %d trials of each suite \
                (%s), %s. The trials alternate between the suites, one of each and again, so that each \
                meets the same machine. This build's suite runs with the grader's flags (`%s`) and stops \
                early as the stopping rule says; %s. Loaded: %d trials at once plus a thread that keeps a \
                core busy, as in the tables above.

                | machine | timing test (ratio measured) | suite | runs | false fails | median | 95th percentile | worst | limit | decided early |
                |---|---|---|---|---|---|---|---|---|---|
                %s
                The 95th percentile is the ratio that 95 %% of the runs stayed at or below (nearest rank); \
                the worst is a single run, the one most at the mercy of the machine.

                Where the ratio passed, this build's cost test also times the small cache beside a plain \
                LRU cache (`LinkedHashMap` in access order) on the same calls and compares their fastest \
                rounds (this build's trials):

                | machine | timing test | runs compared | median | 95th percentile | worst | limit |
                |---|---|---|---|---|---|---|
                %s""", Machine.describe(), minutes, trials, String.join(", ", names),
                smoke ? "alone only (a short run)" : "alone and loaded", String.join(" ", SubmissionGrader.SUITE_JVM_FLAGS),
                suites.size() > 1 ? "the baseline's with the flags its grader gave the suite's JVM (" + baselineFlagsText()
                        + ") and its own tests' stopping rule"
                        : "no baseline was given (-Dbench.baseline), so there is nothing beside it",
                Machine.cores(), rows, plainRows);
    }

    /** Three table cells of sorted ratios: the median, the 95th percentile (nearest rank) and the worst. */
    private static String medianP95Worst(double[] sorted) {
        return String.format(Locale.ROOT, "%s | %s | %s", ratio(Statistics.median(sorted)),
                ratio(sorted[Math.max(0, (int) Math.ceil(0.95 * sorted.length) - 1)]), ratio(sorted[sorted.length - 1]));
    }

    /** This build's comparison of the small cache with a plain LRU cache, over the trials where it ran. */
    private static String plainRow(boolean loaded, String test, Tally tally) {
        double[] sorted = tally.overPlain.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        String measured = sorted.length == 0 ? "| |" : medianP95Worst(sorted);
        return String.format(Locale.ROOT, "| %s | %s | %d of %d | %s | %s |%n", loaded ? "loaded" : "alone", test,
                sorted.length, tally.passed + tally.failed, measured, tally.plainLimit);
    }

    private static String marginRow(boolean loaded, String test, String suite, Tally tally) {
        double[] sorted = tally.ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        String measured = sorted.length == 0 ? "not measured | | " : medianP95Worst(sorted);
        return String.format(Locale.ROOT, "| %s | %s (%s) | %s | %d | **%d** | %s | %s | %s |%n", loaded ? "loaded" : "alone",
                test, MEASUREMENT_OF.get(test), suite, tally.passed + tally.failed, tally.failed, measured, tally.limit,
                tally.seconds.isEmpty() ? "never (full time)" : tally.quick + " of " + tally.seconds.size());
    }

    /** This build's suite, with the flags its grader gives the suite's JVM. */
    private static Suite currentSuite() {
        return new Suite(System.getProperty("java.class.path"), Submissions.suiteClasses(), SubmissionGrader.SUITE_JVM_FLAGS);
    }

    /**
     * The suite of {@code -Dbench.baseline}, or null, with the flags its grader gave the suite's
     * JVM: those its jar's {@code suite-jvm.properties} holds, or none (the JVM's defaults) for a
     * jar from before there was one.
     */
    private static Suite baselineSuite() {
        return BASELINE.isEmpty() ? null
                : new Suite(Path.of(BASELINE).toAbsolutePath() + java.io.File.pathSeparator + System.getProperty("java.class.path"),
                        Path.of(BASELINE).toAbsolutePath(), baselineFlags());
    }

    /** The baseline jar's flags for the suite's JVM ({@link #baselineSuite}). */
    private static List<String> baselineFlags() {
        try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(Path.of(BASELINE).toFile())) {
            java.util.zip.ZipEntry entry = jar.getEntry(SubmissionGrader.class.getPackageName().replace('.', '/') + "/"
                    + SubmissionGrader.SUITE_JVM_PROPERTIES);
            if (entry == null) {
                return List.of();
            }
            try (java.io.InputStream in = jar.getInputStream(entry)) {
                return SubmissionGrader.suiteJvmFlags(in);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read the baseline jar " + BASELINE, e);
        }
    }

    /** How the baseline's suite JVM ran, for the reports. */
    private static String baselineFlagsText() {
        List<String> flags = baselineFlags();
        return flags.isEmpty() ? "the JVM's defaults" : "`" + String.join(" ", flags) + "`";
    }

    /** The tests a trial runs and must report: {@code TimingTrial}'s selection, or the cost tests only. */
    record Tests(String pattern, Set<String> expected) {
    }

    private static Tests tests() {
        return COST_ONLY ? new Tests(COST_PATTERN, COST_TESTS) : new Tests(TimingTrial.TIMING_TESTS, MEASUREMENT_OF.keySet());
    }

    private static final String COST_PATTERN = "(Hidden)?LruCostTest";

    /**
     * {@code trials} trials of each suite on one subject, a tally per suite, in the suites' order.
     * With several suites the trials alternate between them (one of each, then again), so that
     * every suite meets the same machine: its load, its drift, its neighbours.
     */
    private List<Map<String, Tally>> trials(List<Suite> suites, Subject subject, int trials, boolean loaded, Tests tests)
            throws Exception {
        int parallel = loaded ? Machine.cores() : 1;
        List<Map<String, Tally>> tallies = new ArrayList<>();
        suites.forEach(suite -> tallies.add(new TreeMap<>()));
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        Thread burner = loaded ? Burner.start() : null;
        try {
            List<Future<List<String>>> runs = new ArrayList<>();
            for (int i = 0; i < trials; i++) {
                for (Suite suite : suites) {
                    runs.add(pool.submit(() -> trial(suite, subject.classes(), tests.pattern())));
                }
            }
            int done = 0;
            for (Future<List<String>> run : runs) {
                List<String> lines = run.get();
                Path suiteClasses = suites.get(done % suites.size()).classes();
                if (subject.name().equals("reference")) { // every failure of the reference is a false fail: say why
                    lines.stream().filter(line -> line.startsWith("failure\t")).forEach(line -> System.err.printf(
                            Locale.ROOT, "%nA false fail (suite %s, %s): %s%n", suiteClasses, loaded ? "loaded" : "alone",
                            line.substring("failure\t".length()).replace('\t', ' ')));
                }
                record(lines, tallies.get(done % suites.size()), tests.expected());
                done++;
                System.err.printf(Locale.ROOT, "\r%-22s %-6s %d / %d", subject.name(), loaded ? "loaded" : "alone", done,
                        runs.size());
            }
            System.err.println();
        } finally {
            pool.shutdownNow();
            if (burner != null) {
                burner.interrupt();
            }
        }
        return tallies;
    }

    /** One fresh JVM running the timing tests; its output lines. */
    private static List<String> trial(Suite suite, Path classes, String tests) throws IOException, InterruptedException {
        List<String> flags = new ArrayList<>(suite.jvmFlags());
        flags.addAll(List.of("-Dmemolab.timing.log=true", "-Dbench.tests=" + tests));
        TrialJvm.Output output = TrialJvm.run(flags, suite.classpath(), TimingTrial.class,
                List.of(classes.toString(), suite.classes().toString()));
        if (!output.normal()) {
            // Counted, not fatal: the tests it did not report are missing from its runs.
            System.err.println("\nA timing trial did not end normally:\n" + String.join("\n", output.lines()));
        }
        return output.lines();
    }

    private static void record(List<String> lines, Map<String, Tally> tallies, Set<String> expected) {
        Set<String> reported = new java.util.TreeSet<>();
        for (String line : lines) {
            String[] parts = line.split("\t");
            if (parts.length == 3 && parts[0].equals("outcome")) {
                reported.add(parts[2]);
            }
        }
        if (!reported.containsAll(expected)) {
            throw new IllegalStateException("a timing trial reported the tests " + reported + ", not all of " + expected
                    + " (a test renamed? TimingTrial.TIMING_TESTS selects them); it printed:\n" + String.join("\n", lines));
        }
        Map<String, String[]> measured = new TreeMap<>(); // measurement -> ratio, limit[, quick or full, seconds]
        for (String line : lines) {
            String[] parts = line.split("\t");
            if (parts.length >= 4 && parts[0].equals("memolab.timing")) {
                measured.put(parts[1], Arrays.copyOfRange(parts, 2, parts.length));
            }
        }
        for (String line : lines) {
            String[] parts = line.split("\t");
            if (parts.length == 3 && parts[0].equals("outcome")) {
                Tally tally = tallies.computeIfAbsent(parts[2], test -> new Tally());
                if (parts[1].equals("PASSED")) {
                    tally.passed++;
                } else {
                    tally.failed++;
                }
                String[] plain = measured.get(MEASUREMENT_OF.get(parts[2]) + " over plain");
                if (plain != null) {
                    tally.overPlain.add(Double.parseDouble(plain[0]));
                    tally.plainLimit = plain[1];
                }
                String[] ratio = measured.get(MEASUREMENT_OF.get(parts[2]));
                if (ratio != null) {
                    tally.ratios.add(Double.parseDouble(ratio[0]));
                    tally.limit = ratio[1];
                    if (ratio.length >= 4) { // a suite that stops early says so, and how long it measured
                        tally.quick += ratio[2].equals("quick") ? 1 : 0;
                        tally.seconds.add(Double.parseDouble(ratio[3]));
                    }
                }
            }
        }
    }

    private static void appendRows(StringBuilder table, Subject subject, boolean loaded, int trials,
                                   Map<String, Tally> tallies) {
        for (Map.Entry<String, Tally> entry : tallies.entrySet()) {
            String test = entry.getKey();
            Tally tally = entry.getValue();
            boolean shouldPass = !subject.mustFail().contains(test);
            if (!subject.reference() && shouldPass) {
                continue; // a slow variant's other timing tests: not what it is here for
            }
            int wrong = shouldPass ? tally.failed : tally.passed;
            table.append(String.format(Locale.ROOT, "| %s | %s | %s (%s) | %d | %s | **%d** (%s) | %s | %s |%n",
                    subject.name(), loaded ? "loaded" : "alone", test, MEASUREMENT_OF.get(test),
                    tally.passed + tally.failed, shouldPass ? "pass" : "fail", wrong,
                    shouldPass ? "false fails" : "false passes", spread(tally.ratios, tally.passed + tally.failed, tally.limit),
                    timing(tally)));
        }
    }

    /** "median 2.1 (1.4 to 3.0), limit < 20", and how many runs ended without a ratio (a time limit, a crash). */
    static String spread(List<Double> ratios, int runs, String limit) {
        if (ratios.isEmpty()) {
            return "not measured (the test stopped before its ratio), limit " + limit;
        }
        String unmeasured = ratios.size() == runs ? ""
                : String.format(Locale.ROOT, "; **%d** of %d runs stopped before their ratio", runs - ratios.size(), runs);
        double[] sorted = ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = Statistics.median(sorted);
        return String.format(Locale.ROOT, "median %s (%s to %s), limit %s%s",
                ratio(median), ratio(sorted[0]), ratio(sorted[sorted.length - 1]), limit, unmeasured);
    }

    /** "12 of 200 early, median 0.41 s", or "full time" for a suite that always measures for its full time. */
    static String timing(Tally tally) {
        if (tally.seconds.isEmpty()) {
            return "full time";
        }
        double median = Statistics.median(tally.seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray());
        return String.format(Locale.ROOT, "%d of %d early, median %.2f s", tally.quick, tally.seconds.size(), median);
    }

    private static String ratio(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    private static final String TABLE_HEAD = """
            | submission | machine | timing test (ratio measured) | runs | must | wrong | measured ratio | decided, time measuring |
            |---|---|---|---|---|---|---|---|
            """;

    private static String report(String rows, int referenceTrials, int variantTrials, double minutes, String modes) {
        return String.format(Locale.ROOT, """
                Measured on %s, in %.0f minutes: %d trials of the reference and %d of each slow variant, \
                %s, each trial a fresh JVM running the graded timing tests \
                (`TimingTrial`), with the flags the grader gives the suite's JVM (`%s`). Loaded: %d trials at once plus a thread that keeps a core busy.

                %s
                A ratio is the large capacity's cost per call over the small one's (cost tests), or the \
                naive time over the memoized time (speedup tests). *Decided*: how many runs the early \
                stop decided (the cost tests' quick rounds, the speedup tests' warm-up; both decide only far \
                from the limit, as the stopping rule above says), and the median \
                time a test spent measuring, its caches' filling included. The slow variants: `linear-scan` (a \
                list searched on each call, from the corpus), `memo-capacity-one` (the memoizer's cache \
                holds one entry, so it saves nothing) and `naive-long-arithmetic` (no memoization, but a \
                recursion on `long` that costs far less per call than the naive baseline's `BigInteger`).
                """, Machine.describe(), minutes, referenceTrials, variantTrials, modes, String.join(" ", SubmissionGrader.SUITE_JVM_FLAGS),
                Machine.cores(), TABLE_HEAD + rows);
    }

    /** Keeps one core busy until interrupted. */
    private static final class Burner {
        static Thread start() {
            Thread thread = new Thread(() -> {
                long x = 1;
                while (!Thread.currentThread().isInterrupted()) {
                    for (int i = 0; i < 1_000_000; i++) {
                        x = x * 6364136223846793005L + 1442695040888963407L;
                    }
                }
                if (x == 42) {
                    System.out.print("");
                }
            }, "cpu-burner");
            thread.setDaemon(true);
            thread.start();
            return thread;
        }
    }
}
