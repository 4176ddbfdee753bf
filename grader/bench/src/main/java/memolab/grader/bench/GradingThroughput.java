package memolab.grader.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import memolab.grader.cli.GradeCommand;
import memolab.grader.grading.Folders;
import memolab.grader.grading.SubmissionGrader;
import memolab.grader.shared.Statistics;
import memolab.grader.selfcheck.ClassFolder;
import memolab.grader.selfcheck.ClassReportCrossCheck;
import memolab.grader.selfcheck.Submissions;

/**
 * The grader's throughput on two classes ({@link ClassFolder}), graded by the grader's jar with
 * the hidden tests and {@code --jobs 2}: a class at its deadline, mostly correct work with tests
 * of its own, and a mixed class of mostly broken code. A short run grades two copies of the reference with {@code --jobs 2}. With
 * {@code -Dbench.baseline=<an earlier memolab-grader.jar>}, each class is graded by that jar
 * too, in the same run, alternating with this build's: a comparison on one machine at one time,
 * which also checks that both give every student the same total.
 */
final class GradingThroughput {

    private static final Pattern GRADED = Pattern.compile(
            "Graded (\\d+) submission\\(s\\) in ([\\d.]+) s \\((\\d+) at once\\): ([\\d.]+) per minute");
    private static final Pattern MEDIANS = Pattern.compile(
            "Median per submission that ran: compile ([\\d.]+) s, JVM start ([\\d.]+) s, suite ([\\d.]+) s"
                    + "(?:; their own tests ([\\d.]+) s)?");
    /** A row of the summary's table: the student, then the total before " / ". */
    private static final Pattern ROW = Pattern.compile("(?m)^(\\S+)\\s+[a-z ]+?\\s+([\\d.]+) / \\d+");

    private GradingThroughput() {
    }

    static String run(boolean smoke) throws Exception {
        Path work = Submissions.SCRATCH.resolve("bench/grading");
        Folders.deleteTree(work);
        String baseline = System.getProperty("bench.baseline", "");
        List<Path> jars = baseline.isBlank() ? List.of(Submissions.GRADER_JAR)
                : List.of(Path.of(baseline), Submissions.GRADER_JAR);
        StringBuilder text = new StringBuilder();
        // The deadline's class first: it is the one a course meets, and what the speed work aims at.
        for (String shape : smoke ? List.of("mixed") : List.of("deadline", "mixed")) {
            Path classDir = work.resolve(shape);
            ClassFolder.main(new String[] {classDir.toString(), shape});
            List<String> submissions;
            try (Stream<Path> folders = Files.list(classDir)) {
                submissions = folders.map(Path::toString).sorted()
                        .filter(path -> !smoke || path.matches(".*/reference-[12]")).toList();
            }
            String rows = rows(work.resolve("out-" + shape), jars, submissions, 2); // as many as the cores, the default
            text.append(shape.equals("deadline") ? String.format(Locale.ROOT, """
                    **A class at its deadline.** %d submissions shaped like a class on the day its work is due, where \
                    most work is correct and runs every test to its end: 28 correct (each of the %d correct-style solutions \
                    of the proofs' corpus twice, the rest copies of the reference), 8 with one bug each (`%s`), and 4 that \
                    do not get far (the stubs, a compile error, a cache that loops on every call, one that loops in one \
                    edge case). Each carries tests of its own, as students leave them, so final grading measures them too \
                    ("Your tests"): the template's starter test untouched (the 12 that are not correct, and a third of the \
                    correct ones), or the tutorial's three test classes or the reference's tests, in turn, each student's \
                    copy their own (a line naming them: no two the same): %d sets of test files in all, which this build \
                    runs on the course's caches once each (the starter test's run serving all who hand it in).

                    """, submissions.size(), 10, String.join("`, `", ClassFolder.ONE_BUG), testSets(submissions))
                    : String.format(Locale.ROOT, """
                    **A mixed class.** %d submissions made from the corpus (%s), mostly broken code, which fails fast; \
                    none has tests of its own.%n%n""", submissions.size(), smoke ? "a short run: 2 copies of the reference"
                            : "6 copies of the reference, the stubs, every buggy variant, 9 hostile ones"));
            text.append("""
                    | grader, run, jobs | submissions | wall time | per minute | compile | JVM start | suite | your tests | all at 100 or as before |
                    |---|---|---|---|---|---|---|---|---|
                    """).append(rows).append('\n');
        }
        Path alone = work.resolve(smoke ? "mixed" : "deadline").resolve(smoke ? "reference-1" : "correct-reference-1");
        text.append(platform(work.resolve("out-platform"), alone, jars, smoke ? 1 : PLATFORM_RUNS, smoke));
        return String.format(Locale.ROOT, """
                `java -jar grader/target/memolab-grader.jar grade --hidden --jobs N --timeout 60` over two classes, on \
                %s; with a baseline jar, each class is graded twice by each grader, in the order baseline, this \
                build, this build, baseline, in the same run. Per submission: the medians of the submissions whose suite ran \
                (*your tests*: of those whose tests were measured, compiled, checked and run).

                %s\
                The rules of the exercise are checked once, in the grader's JVM, on the classes the safety gate \
                has just read. This build's suite JVMs compile with C1 only and collect with the serial collector on a heap that starts small (`%s`), and a batch of %d or more first \
                makes a class-data archive, once, on the grader's stubs, which every suite JVM after it maps (the \
                making is in the wall time). Submissions compile in compiler JVMs of the grader's, one for each \
                compilation at once, each serving one compilation after another. A test whose \
                code never returns ends its suite JVM at its own limit (5 s; 4 s for the first call of the memoized-vs-naive \
                tests and the first round of the cost tests), and the tests not yet run go on in a fresh one until such \
                tests have taken 40 s; the looping \
                submissions hold a worker longest, about 20 to 45 s.
                """, Machine.describe(), text, String.join(" ", SubmissionGrader.SUITE_JVM_FLAGS), GradeCommand.CLASS_ARCHIVE_MIN);
    }

    /** How many different sets of test files {@code submissions} hand in, by the grader's own key for them. */
    private static int testSets(List<String> submissions) throws IOException {
        java.util.Set<String> sets = new java.util.HashSet<>();
        for (String submission : submissions) {
            Path folder = Path.of(submission, "exercises/src/test/java/memolab");
            if (Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.list(folder)) {
                    sets.add(memolab.grader.grading.YourTests.digest(files.sorted().toList()));
                }
            } else {
                sets.add("");
            }
        }
        return sets.size();
    }

    /**
     * One row per run, {@code --jobs} as given: with a baseline, each grader twice, in the order
     * baseline, this build, this build, baseline, so that a machine that drifts over the runs
     * weighs on both alike; then each grader's rate over its runs, and their ratio.
     */
    private static String rows(Path out, List<Path> jars, List<String> submissions, int jobs)
            throws IOException, InterruptedException {
        List<Path> order = jars.size() == 1 ? jars : List.of(jars.get(0), jars.get(1), jars.get(1), jars.get(0));
        StringBuilder rows = new StringBuilder();
        java.util.Map<String, String> firstTotals = null;
        java.util.Map<Path, double[]> sums = new java.util.LinkedHashMap<>(); // per grader: submissions, seconds
        for (int run = 0; run < order.size(); run++) {
            Path jar = order.get(run);
            boolean current = jar.equals(Submissions.GRADER_JAR);
            String which = jars.size() == 1 ? "" : (current ? "this build" : "baseline (" + jar.getFileName() + ")")
                    + ", run " + (run < 2 ? 1 : 2) + ", ";
            Path into = out.resolveSibling(out.getFileName() + "-" + (current ? "this" : "baseline") + "-" + run);
            String summary = grade(into, jar, submissions, jobs);
            if (current) { // the class report, both ways (issue: the class at a glance)
                System.err.println(ClassReportCrossCheck.check(into));
            }
            Matcher graded = GRADED.matcher(summary);
            Matcher medians = MEDIANS.matcher(summary);
            if (!graded.find() || !medians.find()) {
                throw new IllegalStateException("the grader's summary has no figures:\n" + summary);
            }
            // Every grader must give every submission the same total: speed that changes a grade is no speed.
            java.util.Map<String, String> totals = totals(summary);
            if (firstTotals == null) {
                firstTotals = totals;
            }
            java.util.Map<String, String> expected = firstTotals;
            long same = totals.entrySet().stream().filter(e -> e.getValue().equals(expected.get(e.getKey()))).count();
            double[] sum = sums.computeIfAbsent(jar, j -> new double[2]);
            sum[0] += Integer.parseInt(graded.group(1));
            sum[1] += Double.parseDouble(graded.group(2));
            String yourTests = medians.group(4) == null ? "not shown" : medians.group(4) + " s";
            rows.append(String.format(Locale.ROOT, "| %s%d | %s | %s s | **%s** | %s s | %s s | %s s | %s | %d of %d |%n",
                    which, jobs, graded.group(1), graded.group(2), graded.group(4),
                    medians.group(1), medians.group(2), medians.group(3), yourTests, same, totals.size()));
        }
        if (jars.size() == 2) {
            double baseline = 60 * sums.get(jars.get(0))[0] / sums.get(jars.get(0))[1];
            double current = 60 * sums.get(jars.get(1))[0] / sums.get(jars.get(1))[1];
            rows.append(String.format(Locale.ROOT, "%nOver both runs: this build **%.1f** submissions a minute, the baseline "
                    + "%.1f: **%.2f times** the baseline's rate.%n", current, baseline, current / baseline));
        }
        return rows.toString();
    }

    /** How many times each way {@link #platform} grades its submission. */
    private static final int PLATFORM_RUNS = 6;

    /** The grader JVM's own flags in the platforms' scripts (Gradescope's run_autograder, Classroom 50's autograder.py). */
    private static final List<String> PLATFORM_FLAGS = List.of("-XX:TieredStopAtLevel=1");

    /** One way {@link #platform} grades: a row's name, the grader's jar, its JVM's flags. */
    private record Way(String name, Path jar, List<String> flags) {
    }

    /**
     * One submission graded alone, as a platform grades each push: a grader JVM for one
     * submission, as the platforms' scripts start it ({@link #PLATFORM_FLAGS}), this build's jar
     * and the baseline's when given, and this build's with the JVM's default compilers, in turn
     * (ABC, CBA, ...); the wall time of the whole command, as the student waits for their points.
     */
    private static String platform(Path out, Path submission, List<Path> jars, int runs, boolean smoke)
            throws IOException, InterruptedException {
        Path build = jars.get(jars.size() - 1);
        String flags = "`" + String.join(" ", PLATFORM_FLAGS) + "`";
        List<Way> order = new ArrayList<>(List.of(new Way("this build, " + flags + " (the platforms' scripts)", build,
                PLATFORM_FLAGS), new Way("this build, the JVM's default compilers (C1 and C2)", build, List.of())));
        if (jars.size() > 1) {
            order.add(new Way("baseline (`" + jars.get(0).getFileName() + "`), " + flags, jars.get(0), PLATFORM_FLAGS));
        }
        int ways = order.size();
        double[][] seconds = new double[ways][runs];
        java.util.Set<String> totals = new java.util.TreeSet<>();
        for (int run = 0; run < runs; run++) {
            for (int step = 0; step < ways; step++) {
                int way = run % 2 == 0 ? step : ways - 1 - step;
                long start = System.nanoTime();
                String summary = grade(out.resolveSibling(out.getFileName() + "-" + run + "-" + way), order.get(way).jar(),
                        List.of(submission.toString()), 1, order.get(way).flags());
                seconds[way][run] = (System.nanoTime() - start) / 1e9;
                totals.addAll(totals(summary).values());
            }
        }
        if (totals.size() != 1) {
            throw new IllegalStateException("the runs gave " + submission.getFileName() + " different totals: " + totals);
        }
        double[] medians = new double[ways];
        StringBuilder rows = new StringBuilder();
        for (int way = 0; way < ways; way++) {
            java.util.Arrays.sort(seconds[way]); // fastest first, as the table shows them
            medians[way] = Statistics.median(seconds[way]);
            rows.append(String.format(Locale.ROOT, way == 0 ? "| %s | %d | **%.1f s** | %.1f s | %.1f s |%n"
                    : "| %s | %d | %.1f s | %.1f s | %.1f s |%n", order.get(way).name(), runs, medians[way], seconds[way][0],
                    seconds[way][runs - 1]));
        }
        String versus = ways > 2 ? String.format(Locale.ROOT, " This build grades a push **%.2f times** as fast as the "
                + "baseline (the ratio of the medians, both as the scripts run them).", medians[2] / medians[0]) : "";
        return String.format(Locale.ROOT, """
                **One submission, as a platform grades a push.** `grade --hidden --jobs 1 --timeout 60` on one \
                submission (%s), a grader JVM for it alone, as Gradescope's `run_autograder` runs it \
                (Classroom 50's `autograder.py` runs the visible jar so, without `--hidden`); %d times each way, \
                in turn; the wall time of the whole command, median (fastest to slowest). With a core to spare, this \
                build runs the student's own tests beside the suite, and its jar carries the bug corpus compiled.

                | grader | runs | wall time | fastest | slowest |
                |---|---|---|---|---|
                %s
                With C1 alone, this build grades a push in **%.2f times** the time it takes with both compilers (%s).%s

                """, smoke ? "a short run: a copy of the reference" : "a copy of the reference with the tests of its own "
                        + "it has in the class at its deadline", runs, rows, medians[0] / medians[1], medians[0] < medians[1]
                        ? "the optimising compiler spends more processor time on the grader's own code, javac's and "
                        + "ArchUnit's, than it saves while one submission is graded"
                        : "no gain here: the scripts' flag should go", versus);
    }

    /** Each student's total in a grader's summary table, by name. */
    private static java.util.Map<String, String> totals(String summary) {
        java.util.Map<String, String> totals = new java.util.TreeMap<>();
        Matcher row = ROW.matcher(summary);
        while (row.find()) {
            totals.put(row.group(1), row.group(2));
        }
        return totals;
    }

    private static String grade(Path out, Path jar, List<String> submissions, int jobs)
            throws IOException, InterruptedException {
        return grade(out, jar, submissions, jobs, List.of());
    }

    /** As above, the grader's JVM started with {@code jvmFlags}. */
    private static String grade(Path out, Path jar, List<String> submissions, int jobs, List<String> jvmFlags)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmFlags);
        command.addAll(List.of("-jar", jar.toString(), "grade", "--hidden", "--jobs", String.valueOf(jobs), "--timeout", "60",
                "--out", out.toString()));
        command.addAll(submissions);
        Files.createDirectories(out.getParent());
        Path log = out.resolveSibling(out.getFileName() + "-summary.txt");
        Process process = new ProcessBuilder(command).redirectOutput(log.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        int exit = process.waitFor();
        String summary = Files.readString(log, StandardCharsets.UTF_8);
        if (exit != 0) {
            throw new IllegalStateException("grade exited with " + exit + ":\n" + summary);
        }
        System.err.print(summary);
        return summary;
    }
}
