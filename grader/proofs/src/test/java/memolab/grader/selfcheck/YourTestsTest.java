package memolab.grader.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import memolab.grader.cli.GraderCli;
import memolab.grader.grading.Folders;
import memolab.grader.grading.Rubric;
import memolab.grader.report.Gradebook;
import memolab.grader.report.YourTestsCsv;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * "Your tests", graded as final grading grades it ({@code grade --hidden}, the course's rubric
 * on): the student's own tests in {@code src/test/java/memolab}, run on correct caches
 * (sound), on the bug corpus (thorough), and on the student's code with JaCoCo (covering).
 * The fixtures are in {@code src/test/resources/your-tests}; the reference's own tests
 * ({@code solutions/src/test/java}) answer the category in full.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class YourTestsTest {

    private static final Path FIXTURES = Submissions.PROOFS.resolve("src/test/resources/your-tests");

    @TempDir
    static Path temp;

    private Path out;
    /** How many submissions the batch graded: a row each in both CSV files. */
    private int submitted;
    private int exitCode;
    private String stderr;
    /** Each student's your-tests.csv row, by column. */
    private final Map<String, Map<String, String>> rows = new LinkedHashMap<>();
    /** Each student's gradebook row, by column. */
    private final Map<String, Map<String, String>> book = new LinkedHashMap<>();

    /** A student: the reference's code with the given test files in {@code exercises/src/test/java/memolab}. */
    private Path student(String name, Path... testFiles) throws IOException {
        Path root = Submissions.materialize(temp.resolve("class"), name, null);
        Path tests = Files.createDirectories(root.resolve("exercises/src/test/java/memolab"));
        for (Path file : testFiles) {
            Files.copy(file, tests.resolve(file.getFileName()));
        }
        return root;
    }

    /** A student just started: the stubs, with the constructor's check of its capacity written (two branches), and tests. */
    private Path halfWritten(String name, Path... testFiles) throws IOException {
        Path root = student(name, testFiles);
        Path main = root.resolve("exercises/src/main/java/memolab");
        for (String file : List.of("LruCache.java", "Fibonacci.java")) {
            Files.copy(Submissions.STUBS.resolve(file), main.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Path cache = main.resolve("LruCache.java");
        String stub = Files.readString(cache, StandardCharsets.UTF_8);
        String written = stub.replaceFirst("(public LruCache\\(int capacity\\) \\{)\\s*throw new UnsupportedOperationException\\([^;]*;",
                "$1\n        if (capacity < 0) {\n            throw new IllegalArgumentException(\"capacity < 0\");\n        }");
        assertThat(written).as("the stub's constructor, written").isNotEqualTo(stub);
        Files.writeString(cache, written, StandardCharsets.UTF_8);
        return root;
    }

    /** A student whose own cache is a bug of the corpus. */
    private Path studentOn(String bug, String name, Path... testFiles) throws IOException {
        Path root = Submissions.materialize(temp.resolve("class"), name, Submissions.variantSources(Submissions.CORPUS, bug));
        Path tests = Files.createDirectories(root.resolve("exercises/src/test/java/memolab"));
        for (Path file : testFiles) {
            Files.copy(file, tests.resolve(file.getFileName()));
        }
        return root;
    }

    /**
     * A student whose cache does its work in a class of its own: the reference's cache renamed
     * {@code LruCore}, behind the fixture's {@code LruCache}, which only delegates to it.
     */
    private Path studentWithCore(String name, Path... testFiles) throws IOException {
        Path root = student(name, testFiles);
        Path main = root.resolve("exercises/src/main/java/memolab");
        String reference = Files.readString(main.resolve("LruCache.java"), StandardCharsets.UTF_8);
        Files.writeString(main.resolve("LruCore.java"), reference.replaceAll("\\bLruCache\\b", "LruCore")
                .replace("public final class LruCore", "final class LruCore"), StandardCharsets.UTF_8);
        Files.copy(fixture("wrapper-main"), main.resolve("LruCache.java"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return root;
    }

    private static Path fixture(String name) throws IOException {
        try (Stream<Path> files = Files.list(FIXTURES.resolve("fixtures").resolve(name))) {
            return files.findFirst().orElseThrow();
        }
    }

    /** The reference's own test files. */
    private static Path[] referenceTests() throws IOException {
        try (Stream<Path> files = Files.list(Submissions.REPO.resolve("solutions/src/test/java/memolab"))) {
            return files.sorted().toArray(Path[]::new);
        }
    }

    private static Path tutorial(String file) {
        return FIXTURES.resolve("tutorial").resolve(file);
    }

    @BeforeAll
    @Timeout(900)
    void gradeTheClass() throws IOException {
        List<Path> batch = new ArrayList<>();
        batch.add(student("reference-empty", fixture("empty")));
        batch.add(Submissions.REPO.resolve("solutions"));
        batch.add(Submissions.REPO.resolve("exercises"));
        batch.add(student("unsound", fixture("unsound")));
        batch.add(student("hostile-exit", fixture("hostile-exit")));
        batch.add(student("hostile-loop", fixture("hostile-loop")));
        batch.add(student("hostile-counter", fixture("hostile-counter")));
        batch.add(student("tutorial-weak", tutorial("GetAfterPutTest.java")));
        batch.add(student("tutorial-mid", tutorial("GetAfterPutTest.java"), tutorial("OneBehaviourEachTest.java")));
        batch.add(student("helper-class-test", tutorial("GetAfterPutTest.java"), tutorial("OneBehaviourEachTest.java"),
                fixture("helper-class-test"), fixture("half-written")));
        batch.add(student("tutorial-all", tutorial("GetAfterPutTest.java"), tutorial("OneBehaviourEachTest.java"),
                tutorial("ModelTest.java")));
        batch.add(student("line-numbers", fixture("line-numbers")));
        batch.add(studentWithCore("wrapper", tutorial("GetAfterPutTest.java")));
        batch.add(student("flood", fixture("flood")));
        batch.add(student("by-name", fixture("by-name")));
        batch.add(student("file-route", fixture("file-route")));
        batch.add(student("ghost", fixture("ghost")));
        batch.add(student("out-of-memory", fixture("out-of-memory")));
        batch.add(student("param-cases", fixture("param-cases")));
        batch.add(student("set-up-once", fixture("set-up-once")));
        batch.add(student("vote", fixture("vote")));
        batch.add(student("keeps-state", fixture("keeps-state")));
        batch.add(student("shared-random", fixture("shared-random")));
        batch.add(student("thread-name", fixture("thread-name")));
        batch.add(student("with-assertions", fixture("with-assertions")));
        batch.add(student("ignores-the-stop", fixture("ignores-the-stop")));
        batch.add(student("preemptive", fixture("preemptive")));
        batch.add(studentOn("capacity-one-loops", "own-loop", fixture("own-loop")));
        batch.add(halfWritten("half-stubs", tutorial("GetAfterPutTest.java")));
        batch.add(studentOn("never-evicts", "same-tests-on-a-bug", referenceTests()));
        batch.add(student("own-loop-on-the-reference", fixture("own-loop")));
        Path bloat = Files.writeString(Files.createDirectories(temp.resolve("bloat")).resolve("BloatTest.java"),
                Submissions.compilerBloat("BloatTest"));
        batch.add(student("tests-too-large", bloat));
        submitted = batch.size();
        out = temp.resolve("out");
        // --out relative to the working folder, as an instructor types it: the tests' JVMs run elsewhere.
        String relativeOut = Path.of("").toAbsolutePath().relativize(out.toAbsolutePath()).toString();
        List<String> args = new ArrayList<>(List.of("grade", "--hidden", "--jobs", "2", "--timeout", "120", "--out", relativeOut));
        batch.forEach(p -> args.add(p.toString()));
        StringWriter errText = new StringWriter();
        CommandLine cli = GraderCli.commandLine();
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(errText));
        exitCode = cli.execute(args.toArray(String[]::new));
        stderr = errText.toString();
        read(out.resolve(YourTestsCsv.FILE), rows);
        read(out.resolve("gradebook.csv"), book);
    }

    private static void read(Path csv, Map<String, Map<String, String>> into) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split(","));
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = Gradebook.cells(line);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), Gradebook.unquote(cells.get(i)));
            }
            into.put(row.get("student"), row);
        }
    }

    private String feedback(String student) throws IOException {
        return Files.readString(out.resolve(student).resolve("feedback.md"), StandardCharsets.UTF_8);
    }

    private double points(String student) {
        return Double.parseDouble(rows.get(student).get("points"));
    }

    @Test
    @DisplayName("the batch graded every submission, and the course's rubric gives the category 10 points")
    void graded() throws IOException {
        assertThat(exitCode).as("exit code; stderr:%n%s", stderr).isEqualTo(GraderCli.OK);
        assertThat(Rubric.course().yourTestsPoints()).isEqualTo(10);
        assertThat(rows).as("your-tests.csv").hasSize(submitted);
        assertThat(book).as("gradebook.csv").hasSize(submitted);
        assertThat(Files.readString(out.resolve("class-report.md"), StandardCharsets.UTF_8)).as("the class report's categories")
                .containsPattern("\\| 8\\. Your tests \\| \\d+\\.\\d of 10 \\| \\d+ of " + book.size() + " \\|");
    }

    @Test
    @DisplayName("the reference with an empty test class scores 0 in the category: no test is no sound suite")
    void emptyScoresNothing() throws IOException {
        assertThat(points("reference-empty")).isZero();
        assertThat(book.get("reference-empty")).containsEntry("your_tests", "0").containsEntry("total", "90");
        assertThat(feedback("reference-empty")).contains("## Your tests: 0 of 10", "hold no test JUnit 5 runs");
    }

    @Test
    @DisplayName("the reference's own tests catch every bug of the corpus and cover its LruCache: 100 of 100")
    void theReferenceAnswersInFull() throws IOException {
        Map<String, String> row = rows.get("solutions");
        assertThat(row.get("bugs_caught")).isEqualTo(row.get("bugs"));
        assertThat(Integer.parseInt(row.get("bugs"))).as("bugs a test can catch").isGreaterThanOrEqualTo(20);
        assertThat(row.get("caught_weight")).isEqualTo(row.get("total_weight"));
        assertThat(row.get("sound")).isEqualTo(row.get("tests"));
        assertThat(Double.parseDouble(row.get("branches_covered")) / Double.parseDouble(row.get("branches")))
                .as("branch coverage of the reference's LruCache").isGreaterThanOrEqualTo(0.7);
        assertThat(points("solutions")).isEqualTo(10);
        // The corpus's caches that loop (at capacity 1, on removing the last key, a plain recursion) are stopped where the
        // reference's tests catch them: the bugs' runs end no JVM. The correct caches' (its own code's after them) and the
        // bugs': 2; one more for its own code where another's run measured the files.
        assertThat(row.get("jvms")).as("JVMs the reference's tests ran in").isEqualTo(row.get("measured_with").isEmpty() ? "2" : "3");
        assertThat(book.get("solutions")).containsEntry("total", "100").containsEntry("final", "100");
        assertThat(feedback("solutions")).contains("| 8 | Your tests | 10 / 10 |", "**Score: 100 / 100**")
                .doesNotContain("- Missed");
    }

    @Test
    @DisplayName("identical test files are run on the course's caches once in a batch: the others take that run's verdicts "
            + "and measure only their coverage of their own code")
    void identicalTestsAreMeasuredOnce() throws IOException {
        Map<String, String> reference = rows.get("solutions");
        Map<String, String> same = rows.get("same-tests-on-a-bug");
        assertThat(List.of(reference.get("measured_with"), same.get("measured_with"))).as("whose run measured the files")
                .isIn(List.of("", "solutions"), List.of("same-tests-on-a-bug", ""));
        for (String column : List.of("tests", "sound", "bugs_caught", "caught_weight")) {
            assertThat(same.get(column)).as(column).isEqualTo(reference.get(column));
        }
        assertThat(thorough(feedback("same-tests-on-a-bug"))).as("the bugs' verdicts, word for word")
                .isEqualTo(thorough(feedback("solutions")));
        // The coverage is each one's own: a cache that never evicts has fewer branches, and fails some of the tests.
        assertThat(same.get("branches")).isNotEqualTo(reference.get("branches"));
        assertThat(feedback("same-tests-on-a-bug")).contains("sound tests of yours failed:",
                "`LruCacheTest > aFullCacheEvictsTheLeastRecentlyUsedAndForgetsIt()`");
        assertThat(feedback("solutions")).doesNotContain("sound tests of yours failed");
        // The student's own code runs with limits of its own, after the caches' runs, whoever measured the files: a test that
        // loops on it ends a JVM of that run alone (own-loop's second), and the measurement is the same. Where another's
        // run measured the files, the student's code has a JVM of its own: one more.
        Map<String, String> loops = rows.get("own-loop");
        Map<String, String> reference2 = rows.get("own-loop-on-the-reference");
        assertThat(List.of(loops.get("measured_with"), reference2.get("measured_with"))).as("whose run measured OwnLoopTest")
                .isIn(List.of("", "own-loop"), List.of("own-loop-on-the-reference", ""));
        assertThat(loops).containsEntry("jvms", loops.get("measured_with").isEmpty() ? "3" : "4")
                .containsEntry("bugs_caught", reference2.get("bugs_caught"));
        assertThat(reference2).containsEntry("jvms", reference2.get("measured_with").isEmpty() ? "2" : "3");
        // Three students hand in the tutorial's first test alone: one run measures it, the others take it.
        List<String> three = List.of("tutorial-weak", "wrapper", "half-stubs");
        List<String> measured = three.stream().filter(student -> rows.get(student).get("measured_with").isEmpty()).toList();
        assertThat(measured).as("those of tutorial-weak, wrapper and half-stubs whose own run measured the file").hasSize(1);
        for (String student : three) {
            if (!student.equals(measured.get(0))) {
                assertThat(rows.get(student)).containsEntry("measured_with", measured.get(0));
            }
        }
    }

    /** The feedback's paragraph on the bugs, and their verdicts. */
    private static String thorough(String feedback) {
        int from = feedback.indexOf("**Thorough:");
        int to = feedback.indexOf("**Covering:", from);
        assertThat(from).as("the Thorough paragraph").isNotNegative();
        return feedback.substring(from, to < 0 ? feedback.length() : to);
    }

    @Test
    @DisplayName("the untouched stubs with the template's starter test score 0 in all: the example catches no bug alone")
    void theStubsScoreNothing() {
        assertThat(book.get("exercises")).containsEntry("total", "0");
        assertThat(rows.get("exercises")).containsEntry("branches", "0").containsEntry("points", "0");
    }

    @Test
    @DisplayName("a test file that does not compile against the API (a test of a helper class), or has a syntax error, is left "
            + "out, each named with the compiler's words and what it means, and the others count")
    void aFileThatDoesNotCompileIsLeftOutAlone() throws IOException {
        assertThat(rows.get("helper-class-test")).containsEntry("tests", rows.get("tutorial-mid").get("tests"))
                .containsEntry("bugs_caught", rows.get("tutorial-mid").get("bugs_caught"))
                .containsEntry("points", rows.get("tutorial-mid").get("points"));
        assertThat(feedback("helper-class-test")).contains("LEFT OUT of your tests: `RecencyListTest.java`, which does not "
                + "compile against the exercise's API", "RecencyListTest.java:12: error: cannot find symbol",
                "LEFT OUT of your tests: `HalfWrittenTest.java`, which has a syntax error (your own ./mvnw test stops at it "
                        + "too, before any test runs)", "HalfWrittenTest.java:13: error: ';' expected")
                .doesNotContain("`HalfWrittenTest.java`, which does not compile against");
    }

    @Test
    @DisplayName("a test whose time is up on a looping bug is stopped there: caught whatever it does next, and its JVM ends only "
            + "if it keeps its thread busy")
    void aStoppedTestStaysCaught() throws IOException {
        assertThat(rows.get("ignores-the-stop")).containsEntry("tests", "2").containsEntry("sound", "2");
        assertThat(feedback("ignores-the-stop")).contains(
                "Caught (edge): when full, put skips over the most recent entry to find the one to evict; at capacity 1 the "
                        + "only entry is both, and the search never ends. Failed: `StopTest > aFullCacheOfOneTakesANewKey()`.",
                "Caught (edge): remove looks for the new most recent entry after unlinking, and waits for one when the cache is "
                        + "left empty: removing the last entry never returns. Failed: `StopTest > "
                        + "removingTheOnlyKeyEmptiesTheCache()`.");
        // The first swallows the stop and ends: no JVM ends there. The second catches it and calls the cache again, on each
        // of the bug's two runs: each of those JVMs ends, and the next one goes on (none when that run is the last of the
        // order drawn at random).
        assertThat(Integer.parseInt(rows.get("ignores-the-stop").get("jvms"))).isBetween(3, 4);
    }

    @Test
    @DisplayName("a test whose own assertTimeoutPreemptively runs out on a looping bug is stopped there too, though JUnit's "
            + "failure names no TimeoutException, or the test catches it and passes: its JVM ends if it keeps its thread busy")
    void aTestsOwnTimeLimitIsStoppedToo() throws IOException {
        assertThat(rows.get("preemptive")).containsEntry("tests", "2").containsEntry("sound", "2");
        assertThat(feedback("preemptive")).contains("at capacity 1 the only entry is both, and the search never ends. Failed: "
                + "`PreemptiveTest > aFullCacheOfOneTakesANewKeyQuickly()`.");
        // The sound JVM, the bugs' JVM, a fresh one after each run of capacity-one-loops (the failed test) and after each
        // run of remove-last-loops (the test that passes, so the second run is skipped when a JVM learnt that the first
        // passed every test; on a loaded machine the grader's own limit may come before the test's, and catch the bug):
        // 5 or 6. One fewer when one of those runs is the last of the order drawn at random: no fresh JVM follows it.
        // With no stop, 2: the threads JUnit left running went on calling through the rest of the bugs.
        assertThat(Integer.parseInt(rows.get("preemptive").get("jvms"))).isBetween(4, 6);
    }

    @Test
    @DisplayName("on the student's own cache, a test that never returns ends the JVM measuring coverage; the branches the tests "
            + "before it reached still count, added to those of the fresh JVM")
    void coverageOutlivesTheJvmALoopEnds() {
        Map<String, String> row = rows.get("own-loop");
        assertThat(row).containsEntry("tests", "2").containsEntry("sound", "2");
        // The first test alone reaches 32 of this cache's 52 branches (measured so, the second left out); the JVM ends at
        // the second, and the fresh one has no test left to run: without the coverage sent on, 0.
        assertThat(Integer.parseInt(row.get("branches_covered")) * 2).as("branches covered, twice, against all %s",
                row.get("branches")).isGreaterThanOrEqualTo(Integer.parseInt(row.get("branches")));
    }

    @Test
    @DisplayName("a sound test that fails on the student's own cache is named: it found a bug there")
    void aTestThatFailsOnTheStudentsCacheIsNamed() throws IOException {
        // own-loop's second test never returns on its own cache, which loops at capacity 1; both pass on the correct ones.
        assertThat(feedback("own-loop")).contains("**On your own cache, 1 sound test of yours failed:** "
                + "`OwnLoopTest > aCacheOfOneTakesANewKey()`. It passes on both correct caches");
        assertThat(feedback("tutorial-weak")).as("the same kind of test, on the reference").doesNotContain("On your own cache");
    }

    @Test
    @DisplayName("a cache barely started (two branches in all) earns no more for its coverage than a finished one with the same "
            + "tests: the share counts at least the branches of the course's most compact complete cache")
    void aHalfWrittenCacheIsNotCoveredMoreThanAFinishedOne() throws IOException {
        assertThat(rows.get("half-stubs")).containsEntry("branches", "2").containsEntry("branches_covered", "1")
                .containsEntry("sound", rows.get("tutorial-weak").get("sound"));
        assertThat(points("half-stubs")).as("the same tests on the reference: %s", rows.get("tutorial-weak"))
                .isLessThanOrEqualTo(points("tutorial-weak"));
        assertThat(feedback("half-stubs")).containsPattern("1 of 2 branches of your cache's classes\\*\\* \\(50 %; counted as 1 "
                + "of \\d+, the branches of the course's most compact complete cache");
    }

    @Test
    @DisplayName("a test that fails on a correct cache is named with its message and earns nothing; the sound one counts")
    void anUnsoundTestIsNamed() throws IOException {
        assertThat(rows.get("unsound")).containsEntry("tests", "2").containsEntry("sound", "1");
        assertThat(feedback("unsound")).contains("`UnsoundTest > keysAreListedMostRecentFirst()`", "but was",
                "Caught (central): get finds the entry but leaves it where it was in the recency order.");
    }

    @Test
    @DisplayName("an unsound case of a parameterized test leaves its sound cases to run on the bugs, and catch them")
    void aParameterizedTestsSoundCasesRun() throws IOException {
        assertThat(rows.get("param-cases")).containsEntry("tests", "2").containsEntry("sound", "1");
        assertThat(Integer.parseInt(rows.get("param-cases").get("bugs_caught"))).isGreaterThanOrEqualTo(1);
        assertThat(feedback("param-cases")).contains("`CasesTest > holdsAtMostItsCapacity(int) > [1] 0`",
                "Failed: `CasesTest > holdsAtMostItsCapacity(int) > [2] 2`");
    }

    @Test
    @DisplayName("a @BeforeAll that throws on a bug fails its class's tests there, on both runs of the bug: caught as a failing "
            + "test would catch it")
    void aSetUpThatFailsCatches() throws IOException {
        assertThat(rows.get("set-up-once")).containsEntry("tests", "1").containsEntry("sound", "1");
        // It throws where key 1 is still held: the caches that never evict, keep one entry too many, evict the newest, or
        // leave the evicted entry in their map.
        assertThat(Integer.parseInt(rows.get("set-up-once").get("bugs_caught"))).isGreaterThanOrEqualTo(4);
        assertThat(feedback("set-up-once")).containsPattern("Caught \\(central\\): never evicts[^\\n]*Failed: "
                + "`SetUpTest > holdsTheTwoNewest\\(\\)`");
    }

    @Test
    @DisplayName("tests that compile to megabytes of classes are not run: no JVM of the measurement, shared with others who "
            + "hand in the same files, holds them")
    void testsTooLargeAreNotRun() throws IOException {
        assertThat(rows.get("tests-too-large")).containsEntry("points", "0").containsEntry("jvms", "0");
        assertThat(feedback("tests-too-large")).contains("NOT RUN: Your tests compiled to 5.",
                "They were not run, and this category scores 0.");
        assertThat(book.get("tests-too-large")).containsEntry("total", "90").containsEntry("status", "graded");
    }

    @Test
    @DisplayName("tests that end the JVM or read files are refused before they run, as the student's code would be")
    void hostileTestsAreRefused() throws IOException {
        assertThat(rows.get("hostile-exit")).containsEntry("points", "0");
        assertThat(feedback("hostile-exit")).contains("REFUSED: your tests break", "no System.exit and no Runtime",
                "no files, processes or network");
        assertThat(book.get("hostile-exit")).containsEntry("total", "90").containsEntry("status", "graded");
    }

    @Test
    @DisplayName("a test that never returns is stopped and unsound; it costs only itself, the other test still catches bugs")
    void aLoopCostsOnlyItself() throws IOException {
        assertThat(rows.get("hostile-loop")).containsEntry("tests", "2").containsEntry("sound", "1");
        assertThat(Integer.parseInt(rows.get("hostile-loop").get("bugs_caught"))).isPositive();
        assertThat(feedback("hostile-loop")).contains("`LoopTest > neverReturns()`", "did not finish within 3 s");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            hostile-counter | java.lang.String.intern()
            vote            | registerFormatterForType
            keeps-state     | setMaxElementsForPrinting(int), throwUnsupportedExceptionOnEquals, setDefault(java.util.TimeZone), withDateFormat(java.lang.String), ZoneRulesProvider
            shared-random   | java.lang.Math.random(), java.util.SplittableRandom.<init>()
            """)
    @DisplayName("tests that keep something from one cache to the next are refused: a count in interned strings, a vote in "
            + "AssertJ's formatters (9.0 of 10, 19 bugs, without one expected value, before), settings reached sideways, a vote "
            + "in the JVM's shared random generators (9.7 of 10, 21 bugs, before)")
    void testsThatKeepStateBetweenCachesAreRefused(String student, String listed) throws IOException {
        assertThat(rows.get(student)).containsEntry("points", "0");
        assertThat(feedback(student)).contains("REFUSED: your tests break", "nothing kept between caches")
                .contains(listed.split(", "));
    }

    @Test
    @DisplayName("a test that reads its thread's name through a lock is refused: each cache's tests ran on a thread named "
            + "after the cache, so a test that failed where the name said \"a bug\" caught them all")
    void aTestThatAsksWhichCacheRunsIsRefused() throws IOException {
        assertThat(rows.get("thread-name")).containsEntry("points", "0");
        assertThat(feedback("thread-name")).contains("REFUSED: your tests break", "no threads",
                "java.util.concurrent.locks.ReentrantLock");
    }

    @Test
    @DisplayName("a test class with AssertJ through WithAssertions and helpers of its own named setUp... and remove... is graded, not refused")
    void helpersNamedLikeSettingsAreTheTestsOwn() throws IOException {
        assertThat(feedback("with-assertions")).doesNotContain("REFUSED");
        assertThat(rows.get("with-assertions")).containsEntry("tests", "2").containsEntry("sound", "2");
        assertThat(Integer.parseInt(rows.get("with-assertions").get("bugs_caught"))).isPositive();
    }

    @Test
    @DisplayName("a stronger suite never scores below a weaker one it contains, and the tutorial's claims hold")
    void strongerSuitesScoreMore() throws IOException {
        assertThat(points("tutorial-weak")).isLessThanOrEqualTo(points("tutorial-mid"));
        assertThat(points("tutorial-mid")).isLessThanOrEqualTo(points("tutorial-all"));
        // docs/4-the-exercises.md: get after put catches no central bug; one test of recency catches one; the model most.
        assertThat(feedback("tutorial-weak")).doesNotContain("Caught (central)");
        assertThat(feedback("tutorial-mid")).contains("Caught (central): get finds the entry");
        assertThat(Integer.parseInt(rows.get("tutorial-all").get("bugs_caught")))
                .isGreaterThan(Integer.parseInt(rows.get("tutorial-mid").get("bugs_caught")));
    }

    @Test
    @DisplayName("a test that reads line numbers in a stack trace fails on the correct caches, which carry none")
    void lineNumbersTellNothing() throws IOException {
        assertThat(rows.get("line-numbers")).containsEntry("tests", "2").containsEntry("sound", "1");
        assertThat(feedback("line-numbers")).contains("`LineNumbersTest > readsTheCachesLineNumbers()`", "Unknown Source");
    }

    @Test
    @DisplayName("a cache whose work is in a class of its own is covered there: a wrapper with no branch earns no coverage")
    void coverageCountsEveryClassOfTheCache() {
        Map<String, String> wrapper = rows.get("wrapper");
        Map<String, String> plain = rows.get("tutorial-weak");
        assertThat(Integer.parseInt(wrapper.get("branches"))).as("branches of LruCache and LruCore")
                .isEqualTo(Integer.parseInt(plain.get("branches")));
        assertThat(wrapper.get("branches_covered")).isEqualTo(plain.get("branches_covered"));
        assertThat(points("wrapper")).isEqualTo(points("tutorial-weak"));
    }

    @Test
    @DisplayName("tests that read the cache's fields or getters by name, read files as their cases or give themselves a minute are refused")
    void byNameAndLongTimeoutsAreRefused() throws IOException {
        assertThat(rows.get("by-name")).containsEntry("points", "0");
        assertThat(feedback("by-name")).contains("REFUSED: your tests break 3 safety rules", "no fields or getters read by name",
                "extracting(java.lang.String)", "no @Timeout over 3 s", "@Timeout(60, SECONDS)", "CsvFileSource");
    }

    @Test
    @DisplayName("tests that take their cases from another class, read files through AssertJ or load classes by name are refused")
    void routesToFilesAreRefused() throws IOException {
        assertThat(rows.get("file-route")).containsEntry("points", "0");
        assertThat(feedback("file-route")).contains("REFUSED: your tests break", "cases from the test itself",
                "names \"java.io.File#listRoots\"", "InstanceOfAssertFactories.FILE", "takes a parameter of type java.lang.Class");
    }

    @Test
    @DisplayName("a dynamic test that exists only on the bugs is graded, and catches nothing")
    void aGhostTestCatchesNothing() {
        assertThat(book.get("ghost")).containsEntry("status", "graded");
        assertThat(rows.get("ghost")).containsEntry("sound", "1").containsEntry("bugs_caught", "0");
    }

    @Test
    @DisplayName("a test that ends its JVM on a bug one run in two catches only the bugs whose both runs it ended")
    void runningOutOfMemoryIsNoCatch() {
        assertThat(book.get("out-of-memory")).containsEntry("status", "graded");
        Map<String, String> row = rows.get("out-of-memory");
        assertThat(row).as("the test never ends its JVM on a correct cache").containsEntry("sound", "1");
        // Its only failures end a JVM, each a run's failure: a bug is caught where both its runs ended theirs. The bugs' JVMs
        // but the last ended so (a fresh one follows each), and the last may have: at most jvms - 1 ended, the sound runs'
        // JVM (its own code's too) aside. Counted once, a JVM's end would catch each bug it ended on (5 in 6 gradings broke
        // this bound when the grader was made to).
        int ended = Integer.parseInt(row.get("jvms")) - 1;
        assertThat(2 * Integer.parseInt(row.get("bugs_caught"))).as("a JVM that ends needs a second failure on the same bug: "
                + "twice the bugs caught, at most the JVMs that may have ended (" + ended + ")").isLessThanOrEqualTo(ended);
    }

    @Test
    @DisplayName("two hundred thousand dynamic tests run a thousand per cache, and end in bounded time")
    void aFloodOfTestsIsCapped() throws IOException {
        Map<String, String> flood = rows.get("flood");
        assertThat(Integer.parseInt(flood.get("tests"))).as("tests counted").isBetween(1, 1000);
        assertThat(Double.parseDouble(flood.get("seconds"))).as("seconds the category took").isLessThan(200);
        assertThat(feedback("flood")).contains("Your tests are more than 1000");
        assertThat(book.get("flood")).containsEntry("status", "graded");
    }

    @Test
    @DisplayName("with the category off (memolab.yourTestsPoints=0), final grading grades as the suite alone")
    void offGradesAsBefore() throws IOException {
        Path offOut = temp.resolve("off");
        CommandLine cli = GraderCli.commandLine();
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(new StringWriter()));
        assertThat(Submissions.withYourTestsOff(() -> cli.execute("grade", "--hidden", "--jobs", "1", "--out", offOut.toString(),
                Submissions.REPO.resolve("solutions").toString()))).isEqualTo(GraderCli.OK);
        Map<String, Map<String, String>> off = new LinkedHashMap<>();
        read(offOut.resolve("gradebook.csv"), off);
        assertThat(off.get("solutions")).containsEntry("total", "100").containsEntry("your_tests", "");
        assertThat(Files.exists(offOut.resolve(YourTestsCsv.FILE))).isFalse();
        assertThat(Files.readString(offOut.resolve("solutions/feedback.md"))).doesNotContain("Your tests");
        Folders.deleteTree(offOut);
    }
}
