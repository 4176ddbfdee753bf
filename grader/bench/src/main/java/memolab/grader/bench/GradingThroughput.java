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
import memolab.grader.selfcheck.ClassFolder;
import memolab.grader.selfcheck.ClassReportCrossCheck;
import memolab.grader.selfcheck.Submissions;

/**
 * The grader's throughput: a class of 40 mixed submissions made from the corpus (6 copies of
 * the reference, the stubs, every buggy variant, 9 hostile submissions), graded by the
 * grader's jar with the hidden tests, {@code --jobs 1} then {@code --jobs 2}. A short run
 * grades two copies of the reference with {@code --jobs 2}. With
 * {@code -Dbench.baseline=<an earlier memolab-grader.jar>}, the same class is graded by that
 * jar too, in the same run, and its rows come first: a comparison on one machine at one time.
 */
final class GradingThroughput {

    private static final Pattern GRADED = Pattern.compile(
            "Graded (\\d+) submission\\(s\\) in ([\\d.]+) s \\((\\d+) at once\\): ([\\d.]+) per minute");
    private static final Pattern MEDIANS = Pattern.compile(
            "Median per submission that ran: compile ([\\d.]+) s, JVM start ([\\d.]+) s, suite ([\\d.]+) s");

    private GradingThroughput() {
    }

    static String run(boolean smoke) throws Exception {
        Path work = Submissions.SCRATCH.resolve("bench/grading");
        Folders.deleteTree(work);
        Path classDir = work.resolve("class");
        ClassFolder.main(new String[] {classDir.toString()});
        List<String> submissions;
        try (Stream<Path> folders = Files.list(classDir)) {
            submissions = folders.map(Path::toString).sorted()
                    .filter(path -> !smoke || path.matches(".*/reference-[12]")).toList();
        }
        StringBuilder rows = new StringBuilder();
        String baseline = System.getProperty("bench.baseline", "");
        List<Path> jars = baseline.isBlank() ? List.of(Submissions.GRADER_JAR)
                : List.of(Path.of(baseline), Submissions.GRADER_JAR);
        for (Path jar : jars) {
            String which = jars.size() == 1 ? "" : jar.equals(Submissions.GRADER_JAR) ? "this build"
                    : "baseline (" + jar.getFileName() + ")";
            for (int jobs : smoke ? new int[] {2} : new int[] {1, 2}) {
                Path out = work.resolve("out-" + jobs + "-" + Integer.toHexString(jar.hashCode()));
                String summary = grade(work, out, jar, submissions, jobs);
                if (jar.equals(Submissions.GRADER_JAR)) { // the class report, both ways (issue: the class at a glance)
                    System.err.println(ClassReportCrossCheck.check(out));
                }
                Matcher graded = GRADED.matcher(summary);
                Matcher medians = MEDIANS.matcher(summary);
                if (!graded.find() || !medians.find()) {
                    throw new IllegalStateException("the grader's summary has no figures:\n" + summary);
                }
                long references = summary.lines().filter(l -> l.startsWith("reference-")).count();
                long perfect = summary.lines().filter(l -> l.startsWith("reference-") && l.contains(" 100 / 100")).count();
                rows.append(String.format(Locale.ROOT, "| %s%d | %s | %s s | **%s** | %s s | %s s | %s s | %d of %d |%n",
                        which.isEmpty() ? "" : which + ", ", jobs, graded.group(1), graded.group(2), graded.group(4),
                        medians.group(1), medians.group(2), medians.group(3), perfect, references));
            }
        }
        return String.format(Locale.ROOT, """
                `java -jar grader/target/memolab-grader.jar grade --hidden --jobs N --timeout 60` over %d \
                submissions made from the corpus (%s), on %s. Per submission: the medians of the submissions \
                whose suite ran.

                | grader, jobs | submissions | wall time | per minute | compile | JVM start | suite | reference copies at 100 |
                |---|---|---|---|---|---|---|---|
                %s
                The rules of the exercise are checked once, in the grader's JVM, on the classes the safety gate \
                has just read. This build's suite JVMs compile with C1 only (`%s`), and a batch of %d or more first \
                makes a class-data archive, once, on the grader's stubs, which every suite JVM after it maps (the \
                making is in the wall time). This build compiles each submission in a compiler JVM of its own, which \
                serves one compilation after another (the baseline compiled in the grader's own JVM). A test whose \
                code never returns ends its suite JVM at its own limit (5 s; 4 s for the first call of the memoized-vs-naive \
                tests and the first round of the cost tests), and the tests not yet run go on in a fresh one until such \
                tests have taken 40 s; the looping \
                submissions (infinite-loop and fib-endless-loop, and the corpus's fib-plain-recursion, \
                capacity-one-loops and remove-last-loops) hold a worker longest, about 20 to 45 s (the \
                baseline stopped a run at its second such test, with the tests after it unrun).
                """, submissions.size(), smoke ? "a short run: 2 copies of the reference" : "6 copies of the reference, the stubs, "
                        + "every buggy variant, 9 hostile ones", Machine.describe(), rows, String.join(" ", SubmissionGrader.JIT_FLAGS),
                GradeCommand.CLASS_ARCHIVE_MIN);
    }

    private static String grade(Path work, Path out, Path jar, List<String> submissions, int jobs)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "grade", "--hidden", "--jobs", String.valueOf(jobs), "--timeout", "60",
                "--out", out.toString()));
        command.addAll(submissions);
        Path log = work.resolve("summary-" + jobs + ".txt");
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
