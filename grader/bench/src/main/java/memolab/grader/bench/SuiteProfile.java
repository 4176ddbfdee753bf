package memolab.grader.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import memolab.grader.grading.SubmissionGrader;
import memolab.grader.rules.ExerciseRules;
import memolab.grader.rules.RuleFacts;
import memolab.grader.selfcheck.Submissions;
import memolab.grader.shared.Statistics;

/**
 * Where a correct submission's suite spends its time: the whole graded suite, hidden tests
 * included, on the reference's classes, each run in a fresh JVM with the flags final grading
 * gives the suite's JVM, the rules' facts the grader's gate found, and the student's steps
 * counted ({@link SuiteProfileTrial}); each
 * test's median over the runs, the slowest first, and what the JVM spends before the first test
 * and around the tests. The grader's own work on a submission (compiling it, its checks, the
 * reports) and the student's own tests are not in it: the grading benchmark times those.
 */
final class SuiteProfile {

    /** How many of the slowest tests get a row of their own; the others share one. */
    static final int SLOWEST = 8;

    private SuiteProfile() {
    }

    static String run(boolean smoke) throws IOException, InterruptedException {
        Path reference = Submissions.compile("reference", Submissions.REFERENCE, null);
        // What the grader's gate finds in the classes, which the suite's rules tests read rather than look again (the
        // grader's JVM looks once, before the suite's JVM starts): its time is the grader's, not the suite's.
        Path facts = reference.resolveSibling("reference-rule-facts.txt");
        RuleFacts.of(ExerciseRules.importStudentClasses(reference)).write(facts);
        int runs = smoke ? 1 : 9;
        Map<String, List<Double>> tests = new LinkedHashMap<>();
        List<Double> before = new ArrayList<>();
        List<Double> around = new ArrayList<>();
        List<Double> whole = new ArrayList<>();
        List<Double> allTests = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            List<String> flags = new ArrayList<>(SubmissionGrader.SUITE_JVM_FLAGS);
            flags.add("-D" + RuleFacts.PROPERTY + "=" + facts.toAbsolutePath());
            long start = System.nanoTime();
            TrialJvm.Output output = TrialJvm.run(flags, System.getProperty("java.class.path"), SuiteProfileTrial.class,
                    List.of(reference.toString(), Submissions.suiteClasses().toString()));
            List<String> lines = output.lines();
            if (!output.normal()) {
                throw new IllegalStateException("a suite profile run did not end normally:\n" + String.join("\n", lines));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double testsSeconds = 0;
            int testsRun = 0;
            double firstSeconds = -1;
            for (String line : lines) {
                String[] parts = line.split("\t");
                switch (parts[0]) {
                    case "test" -> {
                        double testSeconds = Long.parseLong(parts[2]) / 1e9;
                        tests.computeIfAbsent(parts[1], name -> new ArrayList<>()).add(testSeconds);
                        testsSeconds += testSeconds;
                        testsRun++;
                    }
                    case "first" -> firstSeconds = Long.parseLong(parts[1]) / 1e3;
                    case "failed" -> throw new IllegalStateException("the reference failed a graded test in the suite "
                            + "profile, which measures a correct submission: " + parts[1]);
                    default -> throw new IllegalStateException("a suite profile run printed " + line);
                }
            }
            if (firstSeconds < 0 || testsRun == 0) {
                throw new IllegalStateException("a suite profile run ran no test:\n" + String.join("\n", lines));
            }
            before.add(firstSeconds);
            around.add(seconds - firstSeconds - testsSeconds);
            whole.add(seconds);
            allTests.add(testsSeconds);
        }
        double wholeMedian = median(whole);
        List<Map.Entry<String, Double>> byMedian = tests.entrySet().stream()
                .map(test -> Map.entry(test.getKey(), median(test.getValue())))
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())).toList();
        StringBuilder rows = new StringBuilder();
        rows.append(row("before the first test: the JVM's start, the suite's and the student's classes loaded, JUnit's "
                + "discovery", median(before), wholeMedian));
        for (Map.Entry<String, Double> test : byMedian.subList(0, Math.min(SLOWEST, byMedian.size()))) {
            rows.append(row("test: " + test.getKey(), test.getValue(), wholeMedian));
        }
        if (byMedian.size() > SLOWEST) {
            double others = byMedian.subList(SLOWEST, byMedian.size()).stream().mapToDouble(Map.Entry::getValue).sum();
            rows.append(row("the other " + (byMedian.size() - SLOWEST) + " tests (the sum of their medians)", others, wholeMedian));
        }
        rows.append(row("around the tests: JUnit's work between them, the JVM's end", median(around), wholeMedian));
        rows.append(String.format(Locale.ROOT, "| **the whole run** (from the JVM's start to its end) | **%.2f s** | 100 %% |%n",
                wholeMedian));
        return String.format(Locale.ROOT, """
                The whole graded suite, hidden tests included (%d tests), on the reference's classes, as final grading \
                runs it in a submission's JVM (its flags, `%s`, the rules tests reading what the grader's gate found, \
                and the student's steps counted for the cost tests), \
                %d times, each in a fresh JVM, one after another, without the class-data archive a batch of 8 or more \
                maps (as a push is graded), on %s. Medians over the \
                runs; a share is of the whole run's median, and the parts' medians need not add up to it exactly (the \
                tests themselves: %.2f s). The grader's own work on a submission (compiling it, its checks, the reports) \
                and the student's own tests are not in it: [Grading a class](#grading-a-class) times those.

                | part of the run | median | share |
                |---|---|---|
                %s""", tests.size(), String.join(" ", SubmissionGrader.SUITE_JVM_FLAGS), runs, Machine.describe(),
                median(allTests), rows);
    }

    private static String row(String what, double seconds, double whole) {
        return String.format(Locale.ROOT, "| %s | %.2f s | %.0f %% |%n", what.replace("|", "\\|"), seconds, 100 * seconds / whole);
    }

    private static double median(List<Double> values) {
        return Statistics.median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
