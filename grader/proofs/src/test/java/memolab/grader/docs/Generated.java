package memolab.grader.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import memolab.grader.Category;
import memolab.grader.grading.Rubric;
import memolab.grader.grading.YourTestsReport;
import memolab.grader.Guard;
import memolab.grader.runner.SuiteRunner;
import memolab.grader.score.Score;
import memolab.grader.score.ScoreTable;
import memolab.grader.score.TestOutcome;
import memolab.grader.selfcheck.CorpusTest;
import memolab.grader.selfcheck.Submissions;

/** The generators behind the docs' {@code <!-- generated: name -->} regions. */
final class Generated {

    private Generated() {
    }

    static String generate(String name) {
        return switch (name) {
            case "rubric" -> rubric();
            case "reference-table" -> referenceTable();
            case "severities" -> severities();
            case "your-tests-limits" -> yourTestsLimits();
            case "deductions" -> read(CorpusTest.DEDUCTIONS);
            case "bugs" -> bugs();
            case "fib-timing" -> FibTimingChart.summary(FibTimingChart.read(Submissions.REPO));
            case "fib-figures" -> Fib36Figures.table(Submissions.REPO);
            case "python-times" -> Fib36Figures.pythonTimes(Submissions.REPO);
            case "python-depth" -> DepthFigures.python(Submissions.REPO);
            case "jvm-depth" -> DepthFigures.jvm(Submissions.REPO);
            case "recursive-compute" -> RecursiveComputeFacts.table();
            case "similarity-example" -> similarityExample();
            case "similarity-tokens" -> similarityTokens();
            case "similarity-calibration" -> memolab.grader.selfcheck.SimilarityCalibration.table();
            case "class-report-example" -> memolab.grader.selfcheck.ClassReportExample.excerpt();
            default -> throw new IllegalArgumentException("no generator named '" + name + "'");
        };
    }

    /** The rubric, made once per run: the README and chapter 4 both show it. */
    private static String rubric;

    /** The rubric, from the graded tests' {@code @Graded} and {@code @Hidden} annotations. */
    static synchronized String rubric() {
        if (rubric == null) {
            rubric = rubricFromTheSuite();
        }
        return rubric;
    }

    /** The suite's graded tests, hidden ones included, found against the stubs (once per run). */
    private static List<TestOutcome> plan;

    private static synchronized List<TestOutcome> plan() {
        if (plan == null) {
            try {
                Path stubs = Submissions.compile("docs-stubs", Submissions.STUBS, null);
                plan = SuiteRunner.plan(List.of(stubs), List.of(Submissions.suiteClasses()), true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return plan;
    }

    private static String rubricFromTheSuite() {
        List<TestOutcome> plan = plan();
        Map<Category, int[]> points = new EnumMap<>(Category.class); // visible points, hidden points, tests
        for (TestOutcome test : plan) {
            int[] row = points.computeIfAbsent(test.category(), c -> new int[3]);
            row[test.hidden() ? 1 : 0] += test.points();
            row[2]++;
        }
        Rubric rubric = Rubric.course();
        StringBuilder md = new StringBuilder(
                "| # | category | visible | hidden | tests | of the grade | what it checks |\n|---|---|---|---|---|---|---|\n");
        int visible = 0;
        int hidden = 0;
        for (Map.Entry<Category, int[]> entry : points.entrySet()) {
            Category category = entry.getKey();
            int[] row = entry.getValue();
            md.append(String.format(Locale.ROOT, "| %d | %s | %d | %d | %d | %s | %s |%n", category.number(),
                    category.title(), row[0], row[1], row[2], Rubric.points(rubric.weighted(row[0] + row[1])), category.checks()));
            visible += row[0];
            hidden += row[1];
        }
        if (rubric.yourTestsCount()) {
            md.append(String.format(Locale.ROOT, "| %d | Your tests | | | yours | %d | your own tests (final grading only): "
                    + "sound on correct caches, thorough on caches with known bugs, covering your LruCache |%n",
                    Category.values().length + 1, rubric.yourTestsPoints()));
        }
        md.append(String.format(Locale.ROOT, "|   | total | %d | %d | %d | %d | %s |%n",
                visible, hidden, plan.size(), Rubric.TOTAL, rubric.yourTestsCount()
                        ? String.format(Locale.ROOT, "the suite's %d points count for %d, your tests for %d", visible + hidden,
                                Rubric.TOTAL - rubric.yourTestsPoints(), rubric.yourTestsPoints())
                        : (visible + hidden) + " points"));
        md.append("\nRules that guard other categories (`Guard`): while the rule is broken, the categories it guards "
                + "earn nothing, however many of their tests pass.\n\n| rule (tests of category 7) | while broken | "
                + "in final grading |\n|---|---|---|\n");
        Map<Guard, List<String>> rules = new EnumMap<>(Guard.class);
        plan.stream().filter(t -> t.guard() != null)
                .forEach(t -> rules.computeIfAbsent(t.guard(), g -> new ArrayList<>()).add(t.displayName()));
        rules.forEach((guard, tests) -> md.append(String.format(Locale.ROOT, "| %s | %s earn nothing | %s |%n",
                String.join("; ", tests), guard.guardedTitles().replace("every category", "all categories"),
                guard == Guard.SAFE_TO_RUN ? "refused before it runs: not run at all, 0 points" : "graded, as here")));
        return md.toString();
    }

    /** The score table of a run in which every graded test passes, hidden ones included: what the reference prints. */
    static String referenceTable() {
        List<TestOutcome> passed = plan().stream().map(t -> t.with(TestOutcome.Status.PASSED, "")).toList();
        return "```\n" + ScoreTable.render(Score.of(passed), "visible and hidden tests") + "```\n";
    }

    /** The severities a corpus bug declares, the points each may cost, and the bugs of each. */
    static String severities() {
        Rubric rubric = Rubric.course();
        StringBuilder md = new StringBuilder("| severity | points lost in all (of the suite's 100) | of the grade | why that much "
                + "| the corpus's bugs |\n|---|---|---|---|---|\n");
        for (CorpusTest.Severity severity : List.of(CorpusTest.Severity.CENTRAL, CorpusTest.Severity.SECONDARY,
                CorpusTest.Severity.EDGE)) {
            String bugs = CorpusTest.EXPECTED.entrySet().stream().filter(e -> e.getValue().severity() == severity)
                    .map(e -> "`" + e.getKey() + "`").collect(Collectors.joining(", "));
            md.append(String.format(Locale.ROOT, "| %s | %d to %d | %s to %s | %s | %s |%n", severity.meaning, severity.min,
                    severity.max, Rubric.points(rubric.weighted(severity.min)), Rubric.points(rubric.weighted(severity.max)),
                    severity.why, bugs));
        }
        return md.toString();
    }

    /** "Your tests" as final grading grades it: its share, its parts, its limits, from the grader's constants. */
    /** Milliseconds as seconds, as few digits as they need: 0.5, 1.5, 3. */
    private static String seconds(long millis) {
        return java.math.BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString();
    }

    static String yourTestsLimits() {
        int points = Rubric.course().yourTestsPoints();
        String weights = java.util.Arrays.stream(memolab.grader.owntests.BugCorpus.Severity.values())
                .map(s -> s.label() + " " + s.weight).collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, """
                | Your tests | as final grading has it |
                |---|---|
                | the category's points (the suite's count for the rest of 100) | %d (`memolab.yourTestsPoints` in the parent pom) |
                | sound: runs of each test on each of the correct caches | %d, on %d correct caches |
                | thorough: share of the category, by the weight of the bugs caught | %d %% (%s) |
                | covering: share of the category, all of it from this branch coverage | %d %%, from %d %% |
                | time limit of a test, each run | %d s (a `@Timeout` may only shorten it) |
                | ... on the bugs, and on the correct caches run among them | %d times its slowest run on the correct caches, at least %s s by the clock and %s s of processor time (the first test of a JVM %s s more); on a cache of the corpus, also %d times the most steps the cache's code took for it on the correct caches (every call and every turn of a loop), at least %,d steps; a test past any of these never returned |
                | ... a test past its limit there | stopped there (the corpus's classes check for a stop at every call and every turn of a loop): the JVM goes on once the test and its threads have ended, within %s s, and ends otherwise (a test whose own code keeps looping) |
                | a tests' JVM silent this long is ended, its test as never returning | %d s |
                | tests run on one cache, at most | %d |
                | JVMs, and seconds, for one student's tests on the course's caches, at most, and again on their own code | %d JVMs, %d s |
                | test files read, at most | %d |
                | compiled test classes, at most (more are not run, as your code would not be) | %d MB in %,d files |
                | thorough: runs of each bug, at places of an order drawn for each set of test files; correct caches among them | %d; %d |
                """, points, memolab.grader.grading.YourTests.REFERENCE_RUNS, memolab.grader.owntests.BugCorpus.CORRECT_CACHES,
                Math.round(YourTestsReport.THOROUGH_SHARE * 100), weights,
                Math.round((1 - YourTestsReport.THOROUGH_SHARE) * 100), Math.round(YourTestsReport.FULL_COVERAGE * 100),
                memolab.grader.grading.YourTests.TEST_SECONDS, memolab.grader.grading.YourTests.LIMIT_FACTOR,
                seconds(memolab.grader.grading.YourTests.LIMIT_FLOOR_MILLIS),
                seconds(memolab.grader.grading.YourTests.CPU_FLOOR_MILLIS),
                seconds(memolab.grader.grading.YourTestsMain.FIRST_TEST_GRACE_MILLIS),
                memolab.grader.grading.YourTests.LIMIT_FACTOR, memolab.grader.grading.YourTests.STEP_FLOOR,
                seconds(memolab.grader.grading.YourTestsMain.STOP_GRACE_MILLIS),
                memolab.grader.grading.YourTests.SILENCE_SECONDS,
                memolab.grader.grading.YourTests.MAX_TESTS, memolab.grader.grading.YourTests.MAX_JVMS,
                memolab.grader.grading.YourTests.BUDGET_SECONDS, memolab.grader.grading.YourTests.MAX_FILES,
                memolab.grader.grading.CompiledSize.MAX_BYTES >> 20, memolab.grader.grading.CompiledSize.MAX_FILES,
                memolab.grader.grading.YourTests.BUG_RUNS, memolab.grader.grading.YourTests.SENTINELS);
    }

    /**
     * The similarity report's summary on the fixture class (a variant, two disguised copies of it,
     * a solution written apart): its opening line, its table of pairs and the first pair's regions.
     */
    static String similarityExample() {
        try {
            Path work = Submissions.SCRATCH.resolve("docs-similarity");
            Map<String, List<Path>> sources = memolab.grader.selfcheck.SimilarityFixture.smallClass(work.resolve("class"));
            memolab.grader.similarity.SimilarityReport.compare(sources, null, work.resolve("jplag"), work.resolve("out"),
                    memolab.grader.similarity.SimilarityReport.DEFAULT_THRESHOLD);
            String md = Files.readString(work.resolve("out/similarity.md"), StandardCharsets.UTF_8);
            String opening = md.lines().filter(l -> l.matches("\\d+ submissions compared.*")).findFirst().orElseThrow()
                    .replaceFirst(", in [\\d.]+ s:", ":");
            String pairs = md.substring(md.indexOf("## The most similar pairs"), md.indexOf("\n## 2. "));
            return "```markdown\n" + opening + "\n\n" + pairs.strip() + "\n```\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture class compared at our minimum match and at JPlag's default, as a sentence. */
    static String similarityTokens() {
        try {
            Path work = Submissions.SCRATCH.resolve("docs-similarity-tokens");
            Map<String, List<Path>> sources = memolab.grader.selfcheck.SimilarityFixture.smallClass(work.resolve("class"));
            StringBuilder text = new StringBuilder("On the fixture class below (average similarity): ");
            List<String> parts = new ArrayList<>();
            for (int tokens : List.of(memolab.grader.similarity.SimilarityReport.MINIMUM_TOKEN_MATCH,
                    memolab.grader.similarity.SimilarityReport.JPLAG_JAVA_DEFAULT)) {
                var result = memolab.grader.similarity.SimilarityReport.compare(sources, null, work.resolve("jplag"),
                        work.resolve("out-" + tokens), memolab.grader.similarity.SimilarityReport.DEFAULT_THRESHOLD, tokens);
                var disguised = result.pairs().stream().filter(p -> !p.first().equals("independent")
                        && !p.second().equals("independent")).mapToDouble(p -> p.average() * 100).summaryStatistics();
                double independent = result.highestPerStudent().get("independent").average() * 100;
                parts.add(String.format(Locale.ROOT, "at %d tokens the disguised copies and their original score %.0f to %.0f %% "
                        + "and the solution written apart %.0f %% at most", tokens, disguised.getMin(), disguised.getMax(),
                        independent));
            }
            return text.append(String.join("; ", parts)).append(".\n").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file written by a check that takes too long for the docs checks to repeat (the corpus run). */
    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The corpus's classic bugs with the categories each loses points in ({@code CorpusTest}'s expectations). */
    static String bugs() {
        record Bug(String name, String description, Set<Category> categories) {
        }
        List<Bug> bugs = new ArrayList<>();
        CorpusTest.EXPECTED.forEach((name, expected) -> {
            if (!expected.categories().isEmpty()) {
                bugs.add(new Bug(name, description(name), expected.categories()));
            }
        });
        bugs.sort(Comparator.comparing((Bug bug) -> bug.categories().iterator().next()).thenComparing(Bug::name));
        StringBuilder md = new StringBuilder("| the bug | loses points in |\n|---|---|\n");
        for (Bug bug : bugs) {
            md.append(String.format(Locale.ROOT, "| %s | %s |%n", bug.description(),
                    bug.categories().stream().map(c -> c.number() + " " + c.title()).collect(Collectors.joining("; "))));
        }
        return md.toString();
    }

    /** The "bug:" line of a corpus variant: its {@code .edit} file, or {@code bug.txt} in its folder. */
    private static String description(String name) {
        Path edit = Submissions.CORPUS.resolve(name + ".edit");
        Path file = Files.exists(edit) ? edit : Submissions.CORPUS.resolve(name).resolve("bug.txt");
        try {
            String line = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(l -> l.startsWith("bug: ")).findFirst()
                    .orElseThrow(() -> new IllegalStateException(file + " has no 'bug:' line"));
            return line.substring("bug: ".length()).strip().replace("|", "\\|");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
