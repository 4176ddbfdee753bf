package memolab.grader.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import memolab.grader.grading.Folders;
import memolab.grader.selfcheck.Submissions;
import memolab.grader.shared.Statistics;

/**
 * The student's loop: a warm {@code ./mvnw -q test} in a released template whose stubs hold
 * the reference's code, as a student who has finished runs it again. This build's template is
 * released here; with {@code -Dbench.baselineTemplate=<a template released by an earlier build>}
 * that one runs too, the two alternating, so that both meet the same machine.
 */
final class StudentLoop {

    private StudentLoop() {
    }

    static String run(boolean smoke) throws IOException, InterruptedException {
        Path work = Submissions.SCRATCH.resolve("bench/loop");
        Folders.deleteTree(work);
        Map<String, Path> templates = new LinkedHashMap<>();
        String baseline = System.getProperty("bench.baselineTemplate", "");
        if (!baseline.isBlank()) {
            Path copy = work.resolve("baseline");
            copyTree(Path.of(baseline), copy);
            templates.put("baseline (`" + Path.of(baseline).getFileName() + "`)", copy);
        }
        Path current = work.resolve("this-build");
        int released = command(List.of(java(), "-jar", Submissions.GRADER_JAR.toString(), "release", "--out", current.toString()),
                Submissions.REPO);
        if (released != 0) {
            throw new IllegalStateException("release exited with " + released);
        }
        templates.put("this build", current);
        for (Path template : templates.values()) {
            Path sources = template.resolve("exercises/src/main/java/memolab");
            try (Stream<Path> files = Files.list(Submissions.REFERENCE)) {
                for (Path file : files.toList()) {
                    Files.copy(file, sources.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            mvnwTest(template); // the first run compiles everything and fills Maven's repository: not measured
        }
        int rounds = smoke ? 1 : 7;
        Map<String, List<Double>> seconds = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (Map.Entry<String, Path> template : templates.entrySet()) {
                seconds.computeIfAbsent(template.getKey(), k -> new ArrayList<>()).add(mvnwTest(template.getValue()));
            }
        }
        StringBuilder rows = new StringBuilder();
        for (Map.Entry<String, List<Double>> runs : seconds.entrySet()) {
            double[] times = runs.getValue().stream().mapToDouble(Double::doubleValue).sorted().toArray();
            rows.append(String.format(Locale.ROOT, "| %s | %d | **%.2f s** | %.2f s | %.2f s |%n", runs.getKey(), times.length,
                    Statistics.median(times), times[0], times[times.length - 1]));
        }
        String ratio = "";
        if (seconds.size() == 2) {
            List<double[]> medians = seconds.values().stream()
                    .map(list -> list.stream().mapToDouble(Double::doubleValue).toArray()).toList();
            ratio = String.format(Locale.ROOT, "%nThis build's run is **%.2f times** as fast as the baseline's (the ratio of the "
                    + "medians).%n", Statistics.median(medians.get(0)) / Statistics.median(medians.get(1)));
        }
        return String.format(Locale.ROOT, """
                `./mvnw -q test` in a released template whose `exercises/src/main/java/memolab` holds the reference's \
                code and whose `src/test/java/memolab` the starter test, run again after a first run (warm: everything \
                compiled, Maven's repository full), %d times each, the templates alternating, on %s. Wall time of the \
                whole command, as the student waits for it: Maven's start, the student's tests with JaCoCo, the graded \
                visible suite and the score table.

                | template | runs | median | fastest | slowest |
                |---|---|---|---|---|
                %s%s
                %s""", rounds, Machine.describe(), rows, ratio, breakdown(current, smoke ? 1 : 5,
                Statistics.median(seconds.get("this build").stream().mapToDouble(Double::doubleValue).toArray())));
    }

    /**
     * Where this build's run spends its time: Maven prints a line as each step of each module
     * starts, and the time each line arrives splits the run into what the student waits for.
     * A part ends where Maven prints the line that starts the next ({@link Step#endsAt}).
     */
    private static final List<Step> STEPS = List.of(
            new Step("Maven's start: its JVM, its own classes, the project's poms read", "Scanning for projects"),
            new Step("the modules' steps before the student's tests: the build checks, nothing left to compile",
                    "surefire:.* @ memolab-exercises "),
            new Step("the student's tests: a JVM of their own, with JaCoCo's agent", "jacoco:.*:report .* @ memolab-exercises "),
            new Step("their coverage report, and the graded tests module's steps before its tests",
                    "surefire:.* @ memolab-grader-suite "),
            new Step("the graded visible suite: a JVM of its own", "exec:.* @ memolab-grader-suite "),
            new Step("the score table, your tests' line, Maven's end", null));

    /** A part of the run: what it is, and the line that ends it (a regular expression; null: the command's end). */
    private record Step(String what, String endsAt) {
    }

    /** The table of {@link #STEPS}, over {@code runs} runs of {@code ./mvnw test} without {@code -q}. */
    private static String breakdown(Path template, int runs, double quietMedian) throws IOException, InterruptedException {
        List<double[]> parts = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            parts.add(steps(template));
        }
        StringBuilder rows = new StringBuilder();
        double total = 0;
        for (int step = 0; step < STEPS.size(); step++) {
            int index = step;
            double[] times = parts.stream().mapToDouble(part -> part[index]).sorted().toArray();
            total += Statistics.median(times);
            rows.append(String.format(Locale.ROOT, "| %s | **%.2f s** | %.2f s | %.2f s |%n", STEPS.get(step).what(),
                    Statistics.median(times), times[0], times[times.length - 1]));
        }
        return String.format(Locale.ROOT, """
                Where this build's run spends its time: `./mvnw test` without `-q`, %d times after the runs above, each \
                part timed by when Maven prints the line that starts the next (medians; their sum %.2f s, against the \
                quiet runs' %.2f s: the two differ by what printing every step costs and by the machine's drift between \
                them).

                | part of the run | median | fastest | slowest |
                |---|---|---|---|
                %s""", runs, total, quietMedian, rows);
    }

    /** One {@code ./mvnw test} in {@code template}: the seconds of each of {@link #STEPS}. */
    private static double[] steps(Path template) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(template.resolve("mvnw").toString(), "test").directory(template.toFile())
                .redirectErrorStream(true).start();
        double[] ends = new double[STEPS.size()];
        int step = 0;
        try (java.io.BufferedReader lines = process.inputReader(java.nio.charset.StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String endsAt = STEPS.get(step).endsAt();
                if (endsAt != null && java.util.regex.Pattern.compile(endsAt).matcher(line).find()) {
                    ends[step++] = (System.nanoTime() - start) / 1e9;
                }
            }
        }
        int exit = process.waitFor();
        ends[STEPS.size() - 1] = (System.nanoTime() - start) / 1e9;
        if (exit != 0 || step != STEPS.size() - 1) {
            throw new IllegalStateException("./mvnw test in " + template + " exited with " + exit + " after " + step + " of "
                    + (STEPS.size() - 1) + " steps' first lines (a step's line not found: its pattern in StudentLoop.STEPS)");
        }
        double[] seconds = new double[STEPS.size()];
        for (int i = 0; i < ends.length; i++) {
            seconds[i] = ends[i] - (i == 0 ? 0 : ends[i - 1]);
        }
        return seconds;
    }

    /** One {@code ./mvnw -q test} in {@code template}: its wall time in seconds. */
    private static double mvnwTest(Path template) throws IOException, InterruptedException {
        long start = System.nanoTime();
        int exit = command(List.of(template.resolve("mvnw").toString(), "-q", "test"), template);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (exit != 0) { // the reference's code earns every point, so the build passes: anything else is no measurement
            throw new IllegalStateException("./mvnw -q test in " + template + " exited with " + exit);
        }
        return seconds;
    }

    private static int command(List<String> command, Path directory) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(directory.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        return process.waitFor();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(f -> !f.toString().contains("/target/")).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
