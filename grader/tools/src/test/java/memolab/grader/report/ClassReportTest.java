package memolab.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import memolab.grader.Category;
import memolab.grader.cli.GraderCli;
import memolab.grader.grading.GradingResult;
import memolab.grader.grading.Submission;
import memolab.grader.score.TestOutcome;
import memolab.grader.score.TestOutcome.Status;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The class report, made from a gradebook and results.json files written as grade writes them. */
class ClassReportTest {

    private static final String HOSTILE = "<img src=x onerror=alert(1)> [x](https:evil.example)\n## FAKE";

    @TempDir
    Path out;

    private static TestOutcome test(Category category, String name, int points, boolean hidden, Status status, String message) {
        return new TestOutcome("memolab.grader.suite.SomeTest", name, name, category, points, hidden, null, status, message);
    }

    private static List<TestOutcome> outcomes(boolean getPasses, String message, boolean hiddenPasses) {
        return List.of(
                test(Category.LRU_EXAMPLES, "get refreshes recency", 50, false, getPasses ? Status.PASSED : Status.FAILED, message),
                test(Category.LRU_EXAMPLES, "put evicts the eldest", 30, false, Status.PASSED, ""),
                test(Category.RULES, "no LinkedHashMap", 20, true, hiddenPasses ? Status.PASSED : Status.FAILED,
                        hiddenPasses ? "" : "uses LinkedHashMap"));
    }

    private void grade(GradingResult... results) throws IOException {
        try (Gradebook gradebook = Gradebook.open(out.resolve("gradebook.csv"))) {
            for (GradingResult result : results) {
                Path folder = Files.createDirectories(out.resolve(Submission.folderName(result.student())));
                Files.writeString(folder.resolve("feedback.md"), FeedbackMarkdown.render(result), StandardCharsets.UTF_8);
                Files.writeString(folder.resolve("results.json"), GradescopeJson.render(result), StandardCharsets.UTF_8);
                gradebook.append(result, memolab.grader.late.Lateness.none(result.score().earned()));
            }
        }
    }

    private static GradingResult result(String student, GradingResult.Status status, List<TestOutcome> outcomes,
            List<String> problems, double seconds) {
        return new GradingResult(student, status, outcomes, problems, "", 0, new GradingResult.Timings(0, 0, 0, seconds), List.of());
    }

    private void gradeAClass() throws IOException {
        grade(result("ada", GradingResult.Status.GRADED, outcomes(true, "", true), List.of(), 3),
                result("bob", GradingResult.Status.GRADED,
                        outcomes(false, "get(1) should return 10 but was null (memolab.LruCache@1b6d3586, 0.52 ms)", true), List.of(), 7),
                result(HOSTILE, GradingResult.Status.GRADED,
                        outcomes(false, "get(1) should return 10 but was null (memolab.LruCache@7a81197d, 1.75 ms)", false), List.of(), 5),
                result("carol", GradingResult.Status.COMPILE_ERROR,
                        outcomes(false, "Not run: your code does not compile.", false).stream()
                                .map(t -> t.with(Status.NOT_RUN, "Not run: your code does not compile.")).toList(),
                        List.of("Your code does not compile. The compiler said:\n```\nLruCache.java:3: error: ';' expected\n```"), 1));
    }

    @Test
    @DisplayName("scores, pass rates and failure groups agree with the gradebook and the stored results")
    void countsAgreeWithTheStoredResults() throws IOException {
        gradeAClass();
        ClassReport.Model model = ClassReport.read(out, OptionalDouble.of(12));

        // ada 100, bob 50 (the 50-point test lost), the hostile name 30 (that and the hidden 20), carol 0 (not compiled)
        assertThat(ClassReport.bins(model)).containsEntry("100", 1).containsEntry("50-59", 1).containsEntry("30-39", 1)
                .containsEntry("0-9", 1).containsEntry("80-89", 0);
        assertThat(ClassReport.bins(model).values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(4);
        assertThat(model.median()).isEqualTo(40);
        ClassReport.PassRate get = model.passRates().get(0);
        assertThat(get.name()).isEqualTo("get refreshes recency");
        assertThat(get.passed() + " of " + get.ran()).isEqualTo("1 of 3"); // carol was not graded normally
        assertThat(model.passRates()).filteredOn(ClassReport.PassRate::hidden).singleElement()
                .satisfies(r -> assertThat(r.passed()).isEqualTo(2));
        ClassReport.FailureGroup biggest = model.failures().get(0);
        assertThat(biggest.students()).containsExactly("bob", HOSTILE.replace('\n', '?'));
        assertThat(biggest.message()).isEqualTo("get(1) should return 10 but was null (memolab.LruCache@…, … ms)");
        assertThat(model.categoryMax(Category.LRU_EXAMPLES)).isEqualTo(80);
        assertThat(model.students()).filteredOn(s -> !s.gradedNormally()).singleElement()
                .satisfies(s -> assertThat(s.why()).contains("does not compile"));
    }

    @Test
    @DisplayName("a random-sequence failure groups by its smallest failing case, whatever the seed and the search")
    void shrunkCasesGroupBySmallestCase() {
        String first = "Your LruCache did not behave like the model cache on a sequence of calls.\n"
                + "Found a failing case at random case 7. Smallest failing case (shrunk in 15 steps):\n"
                + "  capacity 2: put(0, a), put(1, a), get(0), put(2, a)\n  -> after step 4, put(2, a): keys() should hold [0, 2]\n"
                + "The case first found was longer: capacity 3: get(0), put(1, d)\nReplay exactly this case: ./mvnw test -Dmemolab.seed=1";
        String second = first.replace("random case 7", "random case 31").replace("15 steps", "9 steps")
                .replace("capacity 3: get(0), put(1, d)", "capacity 4: put(5, b)").replace("seed=1", "seed=2");
        assertThat(ClassReport.signature(first)).isEqualTo(ClassReport.signature(second))
                .isEqualTo("capacity 2: put(0, a), put(1, a), get(0), put(2, a) -> after step 4, put(2, a): keys() should hold [0, 2]");
    }

    @Test
    @DisplayName("the page is self-contained, names stay text, and every student link resolves to a feedback file")
    void pageIsSelfContainedAndSafe() throws IOException {
        gradeAClass();
        ClassReport.write(out, OptionalDouble.empty());
        String html = Files.readString(out.resolve("class-report.html"));
        String md = Files.readString(out.resolve("class-report.md"));

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg id=\"histogram\"", "&lt;img src=x")
                .doesNotContain("<img", "<script", "src=\"http", "href=\"http", "@import", "url(");
        Matcher bars = Pattern.compile("<rect class=\"bar\" data-bin=\"([^\"]+)\" data-count=\"(\\d+)\"").matcher(html);
        int bins = 0;
        while (bars.find()) {
            bins++;
        }
        assertThat(bins).isEqualTo(11);
        Matcher links = Pattern.compile("href=\"([^\"]+)\"").matcher(html);
        int resolved = 0;
        while (links.find()) {
            assertThat(out.resolve(links.group(1))).as("the link %s", links.group(1)).isRegularFile();
            resolved++;
        }
        assertThat(resolved).isGreaterThanOrEqualTo(4);
        String mdOutsideCode = md.replaceAll("(`+)(?s:.*?)\\1", "");
        assertThat(mdOutsideCode).doesNotContain("<img", "](https:");
        assertThat(md.lines()).noneMatch(line -> line.startsWith("## FAKE")); // the name's line break stays in its code span
        assertThat(md).contains("## The most frequent failures", "### 2 students: 1.1 `get refreshes recency`",
                "## Not graded normally", "[`carol`](carol/feedback.md)");
    }

    @Test
    @DisplayName("report writes both files again from a grade run's folder, and says what is missing without one")
    void reportCommandRewritesTheReport() throws IOException {
        gradeAClass();
        StringWriter err = new StringWriter();
        CommandLine cli = GraderCli.commandLine();
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute("report", "--out", out.toString())).as(err.toString()).isEqualTo(GraderCli.OK);
        assertThat(out.resolve("class-report.html")).isRegularFile();
        assertThat(out.resolve("class-report.md")).isRegularFile();

        StringWriter missing = new StringWriter();
        CommandLine again = GraderCli.commandLine();
        again.setErr(new PrintWriter(missing));
        assertThat(again.execute("report", "--out", out.resolve("nothing-here").toString())).isEqualTo(GraderCli.IO_ERROR);
        assertThat(missing.toString()).contains("no gradebook.csv in");
    }
}
