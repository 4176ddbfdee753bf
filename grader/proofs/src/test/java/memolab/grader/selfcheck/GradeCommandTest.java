package memolab.grader.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import memolab.grader.cli.GraderCli;
import memolab.grader.grading.CompiledSize;
import memolab.grader.grading.Submission;
import memolab.grader.report.Gradebook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The grader's command line over one batch of the reference, the stubs, a buggy variant
 * and every hostile submission: each gets its report and its row, and the batch goes on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GradeCommandTest {

    @TempDir
    static Path temp;

    private Path out;
    private int exitCode;
    private String stdout;
    private String stderr;
    private Map<String, String[]> rows;

    private static final String HOSTILE_FILE = "[x](https:evil.example) <img src=x onerror=alert(1)>.java";
    private static final String HOSTILE_FOLDER = "hostile-file-refused\n## FAKE: Score 100 of 100";

    private Path submission(String name, Path sources) throws IOException {
        return Submissions.materialize(temp.resolve("class"), name, sources);
    }

    @BeforeAll
    @Timeout(600)
    void gradeOneBatch() throws IOException {
        List<Path> batch = new ArrayList<>();
        batch.add(submission("reference", Submissions.REFERENCE));
        batch.add(submission("stubs", Submissions.STUBS));
        batch.add(submission("get-does-not-refresh", Submissions.variantSources(Submissions.CORPUS, "get-does-not-refresh")));
        for (String hostile : List.of("infinite-loop", "fib-endless-loop", "system-exit", "out-of-memory",
                "thread-never-ends", "huge-output", "forged-results", "compile-error", "missing-method", "stack-overflow")) {
            batch.add(submission(hostile, Submissions.variantSources(Submissions.HOSTILE, hostile)));
        }
        Path empty = temp.resolve("class/empty-folder");
        Files.createDirectories(empty);
        batch.add(empty);
        Path latin1 = submission("not-utf8", Submissions.REFERENCE);
        Files.write(latin1.resolve("exercises/src/main/java/memolab/Extra.java"),
                "package memolab; /* caf\u00e9 */ class Extra { }".getBytes(StandardCharsets.ISO_8859_1));
        batch.add(latin1);
        batch.add(temp.resolve("class/no-such-folder")); // a typo on the command line
        Path linked = submission("link-outside", Submissions.REFERENCE);
        Path outside = Files.createDirectories(temp.resolve("elsewhere")).resolve("Outside.java");
        Files.writeString(outside, "package memolab; class Outside { }");
        Files.createSymbolicLink(linked.resolve("exercises/src/main/java/memolab/Outside.java"), outside);
        // A file left out for its folder, whose folder's name would write a heading and a score into the report.
        Path forged = Files.createDirectories(linked.resolve("exercises/src/main/java/x\n## Score override\n\n**Score: 100 / 100**"));
        Files.writeString(forged.resolve("A.java"), "package memolab; class A { }");
        batch.add(linked);
        batch.addAll(unreadableOrUnbounded());
        // A file name that would write a link and an HTML element into the report where the compiler quotes it, and
        // where a refused rule names it; the second submission's folder name would add a heading and a fake score.
        Path broken = submission("hostile-file-compile", Submissions.REFERENCE);
        Files.writeString(broken.resolve("exercises/src/main/java/memolab/" + HOSTILE_FILE), "package memolab;\nclass Broken { int x = ; }\n");
        batch.add(broken);
        Path refused = submission(HOSTILE_FOLDER, Submissions.REFERENCE);
        Files.writeString(refused.resolve("exercises/src/main/java/memolab/" + HOSTILE_FILE),
                "package memolab;\nclass Quit { static void quit() { System.exit(1); } }\n");
        batch.add(refused);

        out = temp.resolve("out");
        List<String> args = new ArrayList<>(List.of("grade", "--jobs", "2", "--timeout", "120", "--similarity", "--out",
                out.toString()));
        batch.forEach(p -> args.add(p.toString()));
        StringWriter outText = new StringWriter();
        StringWriter errText = new StringWriter();
        CommandLine cli = GraderCli.commandLine();
        cli.setOut(new PrintWriter(outText));
        cli.setErr(new PrintWriter(errText));
        exitCode = cli.execute(args.toArray(String[]::new));
        stdout = outText.toString();
        stderr = errText.toString();
        rows = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(out.resolve("gradebook.csv"));
        assertThat(lines).as("the gradebook; exit code %d, stderr:%n%s", exitCode, stderr).hasSize(batch.size() + 1);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            rows.put(cells[0], cells);
        }
    }

    /**
     * Submissions that once stopped or hung the whole batch before any student code ran: a
     * link to a FIFO and a FIFO named like a source (reading either waits for ever), folders
     * nested past the system's path length, a source of 100 MB (the compiler ran in the
     * grader's heap), expressions nested 100,000 deep (the compiler's crash went unsaid), and
     * a package folder that is a link.
     */
    private List<Path> unreadableOrUnbounded() throws IOException {
        List<Path> batch = new ArrayList<>();
        Path fifo = submission("fifo-link", Submissions.REFERENCE);
        Path memolab = fifo.resolve("exercises/src/main/java/memolab");
        Path pipe = temp.resolve("a-fifo");
        mkfifo(pipe);
        Files.createSymbolicLink(memolab.resolve("Piped.java"), pipe);
        mkfifo(memolab.resolve("Fifo.java"));
        batch.add(fifo);
        Path deep = submission("too-deep", Submissions.REFERENCE);
        // Two chains of folders, each short enough to make, one moved into the other: past the 4,096 characters
        // of a path that the system allows.
        Path chain = Path.of("d".repeat(200), java.util.Collections.nCopies(11, "d".repeat(200)).toArray(String[]::new));
        Path outer = Files.createDirectories(deep.resolve("exercises/src/main/java").resolve(chain));
        Files.createDirectories(temp.resolve("deep-tail").resolve(chain));
        Files.move(temp.resolve("deep-tail"), outer.resolve("tail"));
        batch.add(deep);
        Path huge = submission("huge-source", Submissions.REFERENCE);
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(
                huge.resolve("exercises/src/main/java/memolab/Huge.java").toFile(), "rw")) {
            file.setLength(100L << 20); // 100 MB, sparse: nothing to write, and the grader must not read it
        }
        batch.add(huge);
        Path bomb = submission("compile-bomb", Submissions.REFERENCE);
        Files.writeString(bomb.resolve("exercises/src/main/java/memolab/Deep.java"),
                "package memolab; class Deep { static int x = " + "(".repeat(100_000) + "1" + ")".repeat(100_000) + "; }");
        batch.add(bomb);
        Path bloated = submission("classes-too-large", Submissions.REFERENCE);
        Files.writeString(bloated.resolve("exercises/src/main/java/memolab/Bloat.java"), Submissions.compilerBloat("Bloat"));
        batch.add(bloated);
        Path linkedFolder = Files.createDirectories(temp.resolve("class/linked-folder/exercises/src/main/java"));
        Files.createSymbolicLink(linkedFolder.resolve("memolab"), Submissions.REFERENCE);
        batch.add(temp.resolve("class/linked-folder"));
        return batch;
    }

    private static void mkfifo(Path path) throws IOException {
        shell(path.getParent(), "mkfifo '" + path.getFileName() + "'");
    }

    private static void shell(Path dir, String script) throws IOException {
        try {
            assertThat(new ProcessBuilder("sh", "-c", script).directory(dir.toFile()).inheritIO().start().waitFor())
                    .as("sh -c %s", script).isZero();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** JUnit cannot remove folders nested past the path length; rm can. */
    @AfterAll
    void removeTooDeep() throws IOException {
        shell(temp, "rm -rf class/too-deep");
    }

    @Test
    @DisplayName("what cannot be read, or would never end reading or compiling, is named and graded as far as it can be")
    void unreadableOrUnboundedSubmissions() throws IOException {
        assertThat(row("fifo-link")).isEqualTo("graded 82/82");
        assertThat(feedback("fifo-link")).contains("`exercises/src/main/java/memolab/Fifo.java` is not a regular file",
                "LINKS LEFT OUT", "`exercises/src/main/java/memolab/Piped.java` (a link to `" + temp.resolve("a-fifo"));
        assertThat(flags("fifo-link")).contains("links left out: 1");
        assertThat(row("too-deep")).isEqualTo("graded 82/82");
        assertThat(feedback("too-deep")).contains("FOLDERS THAT COULD NOT BE READ", "its path is longer than the system allows");
        assertThat(flags("too-deep")).contains("unreadable folders: 1");
        assertThat(row("huge-source")).isEqualTo("compile_error 0/82");
        assertThat(feedback("huge-source")).contains("`memolab/Huge.java` (100.0 MB) is larger than the 1.0 MB");
        assertThat(row("compile-bomb")).isEqualTo("compile_error 0/82");
        assertThat(feedback("compile-bomb")).contains("The compiler itself ran out of stack on your code",
                "java.lang.StackOverflowError");
        assertThat(row("classes-too-large")).isEqualTo("refused 0/82");
        assertThat(feedback("classes-too-large")).contains("NOT RUN: Your code compiled to 5.",
                " MB of class files in ", "more than the grader runs: at most 4.0 MB, in at most 2,000 files",
                "try/finally blocks nested");
        assertThat(flags("classes-too-large")).contains("refused: compiled classes too large");
        // The limit is far above a solution: the reference's classes, as the grader compiled them, below a hundredth of it.
        try (Stream<Path> classes = Files.walk(out.resolve(".work/submissions/reference/classes"))) {
            assertThat(classes.filter(f -> f.toString().endsWith(".class")).mapToLong(f -> f.toFile().length()).sum())
                    .isPositive().isLessThan(CompiledSize.MAX_BYTES / 100);
        }
        assertThat(row("linked-folder")).isEqualTo("no_submission 0/82");
        assertThat(feedback("linked-folder")).contains("LINKS LEFT OUT", "`exercises/src/main/java/memolab` (a link to `");
        assertThat(flags("linked-folder")).contains("links left out: 1");
    }

    private String flags(String student) {
        return rows.get(student)[List.of(Gradebook.header().split(",")).indexOf("flags")];
    }

    private String feedback(String student) throws IOException {
        return Files.readString(out.resolve(student).resolve("feedback.md"));
    }

    /** status and total of a student's gradebook row. */
    private String row(String student) {
        String[] cells = rows.get(student);
        return cells[1] + " " + cells[2] + "/" + cells[3];
    }

    @Test
    @DisplayName("every submission of the batch is graded and has its row, whatever it did")
    void everySubmissionHasARow() {
        assertThat(exitCode).as("exit code; stderr:%n%s", stderr).isEqualTo(GraderCli.OK);
        assertThat(rows).hasSize(25);
        assertThat(stdout).contains("Graded 25 submission(s)");
    }

    @Test
    @DisplayName("the reference earns the full visible score, the stubs none, a buggy cache in between")
    void scores() {
        assertThat(row("reference")).isEqualTo("graded 82/82");
        assertThat(row("stubs")).isEqualTo("graded 0/82");
        assertThat(Integer.parseInt(rows.get("get-does-not-refresh")[2])).isBetween(1, 81);
    }

    @Test
    @DisplayName("an endless loop is stopped test by test, each named, the rest run in a fresh JVM, in bounded time")
    void endlessLoop() throws IOException {
        assertStoppedTestByTest("infinite-loop", "Still running LruCache.get (LruCache.java:");
    }

    @Test
    @DisplayName("an endless loop in the deep recursion, which the suite runs on a thread of its own, counts as a runaway too")
    void endlessLoopOnTheSuitesOwnThread() throws IOException {
        // The fib(1000) test stops waiting at its own limit and leaves its thread looping: it stops its JVM too.
        assertStoppedTestByTest("fib-endless-loop", "\"fib(1000) is right (1,000 levels of recursion)\"");
    }

    private void assertStoppedTestByTest(String student, String named) throws IOException {
        String feedback = feedback(student);
        assertThat(feedback).contains("tests stopped the JVM that ran them", named, "in a fresh JVM");
        if (row(student).startsWith("timed_out ")) {
            // Said once, under What happened; the tests it kept from running point there.
            assertThat(feedback.split("tests stopped the JVM that ran them", -1)).as(feedback).hasSize(2);
            assertThat(feedback).contains("until 6 tests had stopped or such tests had taken 40 s in all",
                    "Not run: the run stopped before these tests (\"What happened\", above, says why).");
        } else {
            assertThat(row(student)).startsWith("graded ");
            assertThat(feedback).contains("costs its own points and no others");
        }
    }

    @Test
    @DisplayName("code that calls System.exit is refused before it runs, with the rule and the line")
    void systemExit() throws IOException {
        assertThat(row("system-exit")).isEqualTo("refused 0/82");
        assertThat(feedback("system-exit")).contains("REFUSED", "no System.exit and no Runtime", ".java:");
        assertThat(flags("system-exit")).contains("refused: no System.exit");
    }

    @Test
    @DisplayName("running out of memory is reported as such")
    void outOfMemory() throws IOException {
        // Each test that runs out of memory stops its JVM, and the tests after it run in a fresh one.
        assertThat(row("out-of-memory")).matches("(graded|crashed) .*");
        assertThat(feedback("out-of-memory")).contains("ran out of memory (the limit is 512m)");
    }

    @Test
    @DisplayName("code that starts a thread is refused before it runs")
    void threadNeverEnds() throws IOException {
        assertThat(row("thread-never-ends")).isEqualTo("refused 0/82");
        assertThat(feedback("thread-never-ends")).contains("REFUSED", "no threads");
    }

    @Test
    @DisplayName("megabytes of output are cut, and say so")
    void hugeOutput() throws IOException {
        assertThat(row("huge-output")).isEqualTo("graded 82/82");
        assertThat(feedback("huge-output")).contains("## What your code printed", "more bytes were printed and left out");
        assertThat(Files.size(out.resolve("huge-output/feedback.md"))).isLessThan(200_000);
    }

    @Test
    @DisplayName("code that writes to the result channel's file descriptor is refused before it runs")
    void forgedResults() throws IOException {
        assertThat(row("forged-results")).isEqualTo("refused 0/82");
        assertThat(feedback("forged-results")).contains("REFUSED", "no files, processes or network");
    }

    @Test
    @DisplayName("a compile error gives the compiler's message with file and line, and 0")
    void compileError() throws IOException {
        assertThat(row("compile-error")).isEqualTo("compile_error 0/82");
        assertThat(feedback("compile-error")).contains("does not compile", "LruCache.java:", "';' expected");
    }

    @Test
    @DisplayName("a missing method is named as such")
    void missingMethod() throws IOException {
        assertThat(row("missing-method")).isEqualTo("compile_error 0/82");
        assertThat(feedback("missing-method")).contains("Missing or changed: java.util.List<K> LruCache.keys()");
    }

    @Test
    @DisplayName("endless recursion fails the tests that reach it, not the run")
    void stackOverflow() throws IOException {
        assertThat(row("stack-overflow")).startsWith("graded ");
        assertThat(feedback("stack-overflow")).contains("StackOverflowError");
    }

    @Test
    @DisplayName("an empty folder and a non-UTF-8 source each get a clear reason")
    void nothingToGrade() throws IOException {
        assertThat(row("empty-folder")).isEqualTo("no_submission 0/82");
        assertThat(feedback("empty-folder")).contains("no LruCache.java or Fibonacci.java in");
        assertThat(row("not-utf8")).isEqualTo("no_submission 0/82");
        assertThat(feedback("not-utf8")).contains("Extra.java` is not valid UTF-8");
    }

    @Test
    @DisplayName("a folder that does not exist gets a row and a reason; a link out of the submission is left out and named; "
            + "a file name is shown on one line, as code")
    void badPathAndLinkOutside() throws IOException {
        assertThat(row("no-such-folder")).isEqualTo("no_submission 0/82");
        assertThat(feedback("no-such-folder")).contains("no such folder");
        assertThat(row("link-outside")).isEqualTo("graded 82/82");
        assertThat(flags("link-outside")).contains("links left out: 1");
        assertThat(feedback("link-outside"))
                .contains("LINKS LEFT OUT", "`exercises/src/main/java/memolab/Outside.java` (a link to `" + temp.resolve("elsewhere"))
                .contains("These were not compiled: `x?## Score override??**Score: 100 / 100**/A.java`")
                .doesNotContain("\n## Score override").doesNotContainPattern("(?m)^\\*\\*Score: 100");
    }

    /**
     * The reports of the submissions whose outcome does not depend on timing match the
     * expected files in {@code src/test/resources/golden}; any change to a report must be
     * a deliberate one. After such a change, regenerate them with
     * {@code ./mvnw test -Dtest=GradeCommandTest -Dmemolab.updateGolden=true} and review the diff.
     */
    @Test
    @DisplayName("a file name quoted by the compiler or by a refused rule, and a folder name with a line break, stay plain "
            + "text in the feedback, the gradebook and the console")
    void hostileNamesInMessagesStayPlainText() throws IOException {
        String compile = feedback("hostile-file-compile");
        String refusedFeedback = feedback(Submission.folderName(HOSTILE_FOLDER));
        assertThat(compile).contains("does not compile", "onerror");
        assertThat(refusedFeedback).contains("REFUSED", "onerror");
        for (String feedback : List.of(compile, refusedFeedback)) {
            String outsideCode = feedback.replaceAll("(`+)(?s:.*?)\\1", "");
            assertThat(outsideCode).as(feedback).doesNotContain("<img", "](https:", "FAKE");
        }
        assertThat(rows).containsKey("\"hostile-file-refused?## FAKE: Score 100 of 100\"");
        assertThat((stdout + stderr).lines()).noneMatch(line -> line.startsWith("## FAKE"));
    }

    @Test
    @DisplayName("the class report is written at the end of the run, and agrees with the gradebook")
    void classReportAgreesWithTheGradebook() throws IOException {
        String md = Files.readString(out.resolve("class-report.md"));
        assertThat(out.resolve("class-report.html")).isRegularFile();
        assertThat(stderr).contains("Class report: ");
        assertThat(md).contains(rows.size() + " submissions in `gradebook.csv`");
        long notGraded = rows.values().stream().filter(row -> !row[1].equals("graded")).count();
        String section = md.substring(md.indexOf("## Not graded normally"), md.indexOf("## Flags"));
        assertThat(section.lines().filter(line -> line.startsWith("| [")).count()).as(section).isEqualTo(notGraded);
        long atFull = rows.values().stream().filter(row -> row[1].equals("graded") && row[2].equals(row[3])).count();
        assertThat(md).contains("; " + atFull + " at " + rows.get("reference")[3] + ",");
        assertThat(section).contains("| refused | `Rule \"no System.exit and no Runtime\"", "compile_error | `Your code does not "
                + "compile. The compiler said: LruCache.java:");
    }

    @Test
    @Timeout(300)
    @DisplayName("the class report, opened from disk in headless Chromium: nothing requested from the network, a bar per "
            + "score bin with the gradebook's counts, every student link a file, a screenshot that is not blank, a PDF")
    void classReportInABrowser() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.require(temp);
        Path page = out.resolve("class-report.html");
        Path netLog = temp.resolve("net-log.json");
        String dom = chromium.run(page, "--dump-dom", netLog);

        int[] expected = new int[11];
        rows.values().forEach(row -> expected[Math.min(10, Integer.parseInt(row[3]) == 0 ? 0
                : Integer.parseInt(row[2]) * 100 / Integer.parseInt(row[3]) / 10)]++);
        Matcher bar = Pattern
                .compile("<rect class=\"bar\" data-bin=\"([^\"]+)\" data-count=\"(\\d+)\"").matcher(dom);
        List<Integer> drawn = new ArrayList<>();
        while (bar.find()) {
            drawn.add(Integer.parseInt(bar.group(2)));
        }
        assertThat(drawn).as("the histogram's bars as rendered").containsExactly(
                IntStream.of(expected).boxed().toArray(Integer[]::new));
        Matcher link = Pattern.compile("<a class=\"student\" href=\"([^\"]+)\"").matcher(dom);
        int links = 0;
        while (link.find()) {
            assertThat(out.resolve(link.group(1))).as("the student link %s", link.group(1)).isRegularFile();
            links++;
        }
        assertThat(links).isGreaterThanOrEqualTo(rows.size());
        assertThat(chromium.requestsOfThePage(netLog)).as("what the page asked of the network while it rendered").isEmpty();

        Path png = temp.resolve("class-report.png");
        chromium.run(page, "--screenshot=" + png, temp.resolve("net-log-2.json"));
        BufferedImage image = ImageIO.read(png.toFile());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertThat(colours.size()).as("distinct colours in the screenshot (a blank page has one)").isGreaterThan(10);

        Path pdf = temp.resolve("class-report.pdf");
        chromium.run(page, "--print-to-pdf=" + pdf, temp.resolve("net-log-3.json"));
        assertThat(Files.readAllBytes(pdf)).as("the printed report").startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));
        assertThat(Files.size(pdf)).isGreaterThan(10_000);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"reference", "stubs", "get-does-not-refresh", "compile-error", "missing-method",
        "empty-folder", "not-utf8"})
    @DisplayName("the feedback of each stable fixture matches its golden file")
    void feedbackMatchesGolden(String student) throws IOException {
        // The temporary folder differs per run, and how many stack frames lie below a test's own
        // differs per JDK (17 and 25 both run this test); neither is part of the report's content.
        String actual = feedback(student).replace(temp.toString(), "<tmp>")
                .replaceAll("\\.\\.\\.\\(\\d+ remaining lines not displayed", "...(<n> remaining lines not displayed");
        Path golden = Submissions.PROOFS.resolve("src/test/resources/golden").resolve(student + ".md");
        if (Boolean.getBoolean("memolab.updateGolden")) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual);
        }
        assertThat(actual).as("feedback of %s against %s", student, golden).isEqualTo(Files.readString(golden));
    }

    @Test
    @DisplayName("--similarity writes the instructor's report and two gradebook columns, and nothing a student sees")
    void similarityIsTheInstructorsAlone() throws IOException {
        assertThat(out.resolve("similarity.csv")).exists();
        assertThat(out.resolve("similarity-jplag.zip")).isNotEmptyFile();
        assertThat(Files.readString(out.resolve("similarity.md"))).contains("# Similarity report", "not a verdict");
        assertThat(Files.readAllLines(out.resolve("gradebook.csv")).get(0))
                .endsWith(",flags,submitted_at,deadline,late_by_hours,penalty_percent,similarity,similar_to");
        List<String> lines = Files.readAllLines(out.resolve("gradebook.csv"));
        // The batch holds the reference's files in several submissions (link-outside, fifo-link, too-deep, and
        // not-utf8's own LruCache and Fibonacci, among others): each finds another at 100 %.
        assertThat(lines).filteredOn(l -> l.startsWith("reference,")).singleElement().asString()
                .matches(".*,100,(link-outside|not-utf8|fifo-link|too-deep|compile-bomb)$");
        assertThat(lines).filteredOn(l -> l.startsWith("no-such-folder,")).singleElement().asString()
                .as("a folder that does not exist is not compared: its similarity cells stay empty").endsWith(",,");
        assertThat(stderr).contains("not compared: no-such-folder");
        assertThat(stdout).containsPattern("Similarity: \\d+ submissions compared");
        for (String student : List.of("reference", "get-does-not-refresh", "stubs")) {
            assertThat(feedback(student) + Files.readString(out.resolve(student).resolve("results.json")))
                    .as("what %s sees", student).doesNotContainIgnoringCase("similar");
        }
    }

    @Test
    @DisplayName("results.json follows Gradescope's format")
    void gradescopeJson() throws IOException {
        String json = Files.readString(out.resolve("reference/results.json"));
        assertThat(json).contains("\"score\": 82", "\"execution_time\":", "\"stdout_visibility\": \"hidden\"",
                "\"max_score\": 4", "\"status\": \"passed\"", "\"visibility\": \"visible\"", "\"tags\": [",
                "\"number\": \"7.1\"");
    }

    @Test
    @DisplayName("two submissions whose report folders would be the same are refused before anything is graded")
    void reportFoldersMustDiffer() throws IOException {
        Path one = Files.createDirectories(temp.resolve("clash/Ann"));
        Path two = Files.createDirectories(temp.resolve("clash/ann"));
        StringWriter errText = new StringWriter();
        CommandLine cli = GraderCli.commandLine();
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(errText));
        int code = cli.execute("grade", "--out", temp.resolve("clash-out").toString(), one.toString(), two.toString());
        assertThat(code).isEqualTo(GraderCli.USAGE);
        assertThat(errText.toString()).contains("Two submissions would share the report folder");
        assertThat(temp.resolve("clash-out")).doesNotExist();
    }

    @Test
    @DisplayName("a report that cannot be written is named and exits 4; the other students are graded and in the gradebook")
    void unwritableReportExitsWithIoError() throws IOException {
        Path alpha = submission("alpha", Submissions.variantSources(Submissions.HOSTILE, "compile-error"));
        Path beta = submission("beta", Submissions.variantSources(Submissions.HOSTILE, "compile-error"));
        Path ioOut = Files.createDirectories(temp.resolve("io-out"));
        Files.writeString(ioOut.resolve("alpha"), "a file where alpha's report folder should go\n");
        StringWriter errText = new StringWriter();
        CommandLine cli = GraderCli.commandLine();
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(errText));
        int code = cli.execute("grade", "--jobs", "1", "--out", ioOut.toString(), alpha.toString(), beta.toString());
        assertThat(code).as("exit code; the grader said:%n%s", errText).isEqualTo(GraderCli.IO_ERROR);
        assertThat(errText.toString()).contains("These reports could not be written", "  alpha: ");
        assertThat(Files.readAllLines(ioOut.resolve("gradebook.csv"))).anyMatch(r -> r.startsWith("beta,"))
                .noneMatch(r -> r.startsWith("alpha,"));
        assertThat(ioOut.resolve("beta/feedback.md")).exists();
    }

    @Test
    @DisplayName("--regrade grades the given students again and replaces their rows; the other rows stay")
    void regradeReplacesOneRow() throws IOException {
        Path regradeOut = temp.resolve("regrade-out");
        Path alpha = submission("regrade-a", Submissions.variantSources(Submissions.HOSTILE, "compile-error"));
        Path beta = submission("regrade-b", Submissions.variantSources(Submissions.HOSTILE, "missing-method"));
        CommandLine cli = GraderCli.commandLine();
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(new StringWriter()));
        assertThat(cli.execute("grade", "--jobs", "2", "--out", regradeOut.toString(), alpha.toString(), beta.toString())).isZero();
        List<String> before = Files.readAllLines(regradeOut.resolve("gradebook.csv"));
        Files.writeString(beta.resolve("exercises/src/main/java/memolab/LruCache.java"),
                Files.readString(Submissions.STUBS.resolve("LruCache.java")));
        assertThat(cli.execute("grade", "--regrade", "--out", regradeOut.toString(), beta.toString())).isZero();
        List<String> after = Files.readAllLines(regradeOut.resolve("gradebook.csv"));
        assertThat(after).hasSize(3).contains(before.get(0)).containsAll(before.stream().filter(r -> r.startsWith("regrade-a,")).toList());
        assertThat(after.stream().filter(r -> r.startsWith("regrade-b,")).toList()).hasSize(1)
                .noneMatch(before::contains);
    }

    @Test
    @DisplayName("a second run over the same folder skips the students already graded")
    void resumes() {
        StringWriter errText = new StringWriter();
        CommandLine cli = GraderCli.commandLine();
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(errText));
        int code = cli.execute("grade", "--out", out.toString(), temp.resolve("class/reference").toString());
        assertThat(code).isEqualTo(GraderCli.OK);
        assertThat(errText.toString()).contains("1 submission(s) already in");
    }
}
