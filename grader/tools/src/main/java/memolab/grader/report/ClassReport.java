package memolab.grader.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.stream.Collectors;
import memolab.grader.Category;
import memolab.grader.grading.Submission;
import memolab.grader.score.PlainText;

/**
 * The class at a glance, for the instructor: {@code class-report.md} and {@code class-report.html}
 * (one self-contained file: inline CSS and SVG, nothing fetched). Made only from what a grading
 * run stores ({@code gradebook.csv} and each student's {@code results.json}), so a resumed or
 * regraded run, or {@code report} alone, gives the report of the whole class.
 *
 * <p>It names students: like the gradebook, it is the instructor's alone.
 */
public final class ClassReport {

    /** How many failure groups and similar pairs the report shows. */
    static final int SHOWN = 10;

    /** The words both renderings use, so that the page and the Markdown say the same. */
    static final String NAMES_STUDENTS = "This report names students: it is for the instructor, like the gradebook.";
    static final String FAILURES_GROUPED = "The same test failed the same way (the same smallest failing case for a "
            + "random-sequence test, else the same first line, identity hashes and measured figures left out), most "
            + "students first.";
    static final String NO_FAILURES = "None: every submission graded normally passed every test.";
    static final String NO_FLAGS = "None: no course file changed, no file left out, no link.";

    /** One test's result for one student, from {@code results.json}. */
    record TestResult(String number, String name, Category category, int points, boolean passed, boolean hidden,
            String signature) {
    }

    /** One gradebook row, with the student's test results where they were stored. */
    record Student(String name, String status, double total, int possible, Map<Category, Integer> categories, String flags,
            String similarity, String similarTo, long seconds, List<TestResult> tests, String why, double yourTests) {

        boolean gradedNormally() {
            return status.equals("graded");
        }
    }

    /** A test's pass rate over the students graded normally. */
    record PassRate(String number, String name, Category category, boolean hidden, int passed, int ran) {
    }

    /** Students who failed the same test the same way (its message's {@link #signature}). */
    record FailureGroup(String number, String test, String message, List<String> students) {
    }

    /** Everything the two renderings show. */
    record Model(List<Student> students, List<PassRate> passRates, List<FailureGroup> failures, List<String[]> similarPairs,
            OptionalDouble batchSeconds, int yourTestsPossible) {

        /** "Your tests" over the class, where final grading measured it: {mean, students with every point}; empty if not. */
        Optional<double[]> yourTests() {
            double[] measured = students.stream().mapToDouble(Student::yourTests).filter(p -> !Double.isNaN(p)).toArray();
            if (measured.length == 0 || yourTestsPossible == 0) {
                return Optional.empty();
            }
            return Optional.of(new double[] {java.util.Arrays.stream(measured).average().orElse(0),
                    java.util.Arrays.stream(measured).filter(p -> p >= yourTestsPossible).count()});
        }

        int[] histogram() {
            int[] bins = new int[11]; // 0-9, ..., 90-99, 100
            students.forEach(s -> bins[Math.min(10, s.possible() == 0 ? 0 : (int) (s.total() * 100 / s.possible() / 10))]++);
            return bins;
        }

        /** How many submissions were graded normally: the ones the pass rates and failure groups count. */
        long gradedNormally() {
            return students.stream().filter(Student::gradedNormally).count();
        }

        /** The class's full marks: the most points any row could earn. */
        int possible() {
            return students.stream().mapToInt(Student::possible).max().orElse(100);
        }

        long atFull() {
            return students.stream().filter(s -> s.possible() > 0 && s.total() == s.possible()).count();
        }

        long atZero() {
            return students.stream().filter(s -> s.total() == 0).count();
        }

        /** The failure groups shown, the largest first ({@link #SHOWN} at most). */
        List<FailureGroup> shownFailures() {
            return failures.subList(0, Math.min(SHOWN, failures.size()));
        }

        List<Student> notGradedNormally() {
            return students.stream().filter(s -> !s.gradedNormally()).toList();
        }

        List<Student> flagged() {
            return students.stream().filter(s -> !s.flags().isBlank()).toList();
        }

        /** The slowest submissions, by their suite's time. */
        List<Student> slowest() {
            return students.stream().sorted(Comparator.comparingLong(Student::seconds).reversed()).limit(5).toList();
        }

        /** A category's points: the sum of its tests' points in the first stored results that have them. */
        int categoryMax(Category category) {
            return students.stream().filter(s -> !s.tests().isEmpty()).findFirst()
                    .map(s -> s.tests().stream().filter(t -> t.category() == category).mapToInt(TestResult::points).sum())
                    .orElseGet(() -> students.stream().mapToInt(s -> s.categories().get(category)).max().orElse(0));
        }

        double median() {
            List<Double> totals = students.stream().map(Student::total).sorted().toList();
            if (totals.isEmpty()) {
                return 0;
            }
            int middle = totals.size() / 2;
            return totals.size() % 2 == 1 ? totals.get(middle) : (totals.get(middle - 1) + totals.get(middle)) / 2.0;
        }
    }

    private ClassReport() {
    }

    /**
     * Writes both files into {@code out} (a grading run's folder), from what it stores.
     *
     * @param batchSeconds how long the run that just ended took, if one did
     * @return the Markdown file's path
     */
    public static Path write(Path out, OptionalDouble batchSeconds) throws IOException {
        Model model = read(out, batchSeconds);
        Files.writeString(out.resolve("class-report.md"), ClassReportMarkdown.render(model), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("class-report.html"), ClassReportHtml.render(model), StandardCharsets.UTF_8);
        return out.resolve("class-report.md");
    }

    static Model read(Path out, OptionalDouble batchSeconds) throws IOException {
        Path gradebook = out.resolve("gradebook.csv");
        if (!Files.exists(gradebook)) {
            throw new IOException("no gradebook.csv in " + out + ": run grade with --out " + out + " first");
        }
        Gradebook.graded(gradebook); // checks that it is this grader's gradebook
        List<String> lines = Files.readAllLines(gradebook, StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split(","));
        List<Student> students = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            List<String> cells = Gradebook.cells(line).stream().map(Gradebook::unquote).toList();
            Map<Category, Integer> categories = new LinkedHashMap<>();
            for (Category category : Category.values()) {
                categories.put(category, number(cells.get(header.indexOf(category.name().toLowerCase(Locale.ROOT)))));
            }
            String name = cells.get(0);
            Path results = out.resolve(Submission.folderName(name)).resolve("results.json");
            Stored stored = Files.exists(results) ? stored(results) : new Stored(List.of(), 0, "");
            students.add(new Student(name, cells.get(1), decimal(cells.get(2)), number(cells.get(3)), categories,
                    cells.get(header.indexOf("flags")), cells.get(header.indexOf("similarity")),
                    cells.get(header.indexOf("similar_to")), stored.seconds(), stored.tests(), stored.why(),
                    cells.get(header.indexOf("your_tests")).isBlank() ? Double.NaN : decimal(cells.get(header.indexOf("your_tests")))));
        }
        return new Model(students, passRates(students), failures(students), similarPairs(out), batchSeconds, yourTestsPossible(out));
    }

    private record Stored(List<TestResult> tests, long seconds, String why) {
    }

    /** A student's {@code results.json}: each test, the time taken, and the first thing "what happened" says. */
    private static Stored stored(Path file) throws IOException {
        try {
            JsonObject json = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
            List<TestResult> tests = new ArrayList<>();
            for (JsonElement element : json.getAsJsonArray("tests")) {
                JsonObject test = element.getAsJsonObject();
                JsonArray tags = test.getAsJsonArray("tags");
                Category category = tags == null || tags.isEmpty() ? null : byTitle(tags.get(0).getAsString());
                tests.add(new TestResult(text(test, "number"), text(test, "name"), category,
                        test.has("max_score") ? test.get("max_score").getAsInt() : 0, "passed".equals(text(test, "status")), "after_published".equals(text(test, "visibility")),
                        signature(text(test, "output"))));
            }
            String why = why(text(json, "output"));
            return new Stored(tests, json.has("execution_time") ? json.get("execution_time").getAsLong() : 0, why);
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException e) {
            return new Stored(List.of(), 0, "its results.json could not be read (" + e.getMessage() + ")");
        }
    }

    /**
     * What "what happened" says first, after the status line: its first line, and where that only
     * announces what follows ("The compiler said:", "REFUSED: ..."), the next line too (the
     * compiler's first message, the first rule broken).
     */
    static String why(String output) {
        List<String> lines = output.lines().skip(1).map(String::strip)
                .filter(line -> !line.isEmpty() && !line.matches("`{3,}")).toList();
        if (lines.isEmpty()) {
            return "";
        }
        String first = lines.get(0);
        String why = first.startsWith("REFUSED") && lines.size() > 1 ? lines.get(1).replaceFirst("^- ", "")
                : first.endsWith(":") && lines.size() > 1 ? first + " " + lines.get(1) : first;
        return why.length() > 200 ? why.substring(0, 200) + "..." : why;
    }

    private static String text(JsonObject json, String member) {
        JsonElement value = json.get(member);
        return value == null || value.isJsonNull() ? "" : value.getAsString();
    }

    private static Category byTitle(String title) {
        for (Category category : Category.values()) {
            if (category.title().equals(title)) {
                return category;
            }
        }
        return null;
    }

    /**
     * What identifies a failure, for grouping: for a random-sequence test, its smallest failing
     * case and what went wrong at its last step (the same mistake shrinks to the same case),
     * else the message's first line; cut to 200 characters.
     */
    static String signature(String message) {
        List<String> lines = message.lines().map(String::strip).toList();
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).contains("Smallest failing case")) {
                String shrunk = lines.get(i + 1) + (i + 2 < lines.size() && lines.get(i + 2).startsWith("->")
                        ? " " + lines.get(i + 2) : "");
                return shrunk.length() > 200 ? shrunk.substring(0, 200) + "..." : shrunk;
            }
        }
        return firstLine(message);
    }

    /** A message's first line of text, its code fence left out, cut to 200 characters. */
    static String firstLine(String message) {
        return message.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.matches("`{3,}"))
                .findFirst().map(line -> line.length() > 200 ? line.substring(0, 200) + "..." : line).orElse("");
    }

    /**
     * The first line with what differs between equal cases left out: an object's identity hash
     * ({@code LruCache@1b6d3586}) and a measured time or ratio, so that the same mistake groups.
     */
    static String normalized(String line) {
        return line.replaceAll("@[0-9a-f]{4,}\\b", "@…").replaceAll("\\b\\d[\\d,]*\\.\\d+\\b", "…");
    }

    private static List<PassRate> passRates(List<Student> students) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, TestResult> first = new LinkedHashMap<>();
        for (Student student : students) {
            if (!student.gradedNormally()) {
                continue;
            }
            for (TestResult test : student.tests()) {
                String key = test.number() + " " + test.name();
                first.putIfAbsent(key, test);
                int[] count = counts.computeIfAbsent(key, k -> new int[2]);
                count[0] += test.passed() ? 1 : 0;
                count[1]++;
            }
        }
        List<PassRate> rates = new ArrayList<>();
        first.forEach((key, test) -> rates.add(new PassRate(test.number(), test.name(), test.category(), test.hidden(),
                counts.get(key)[0], counts.get(key)[1])));
        rates.sort(Comparator.comparingDouble((PassRate r) -> (double) r.passed() / r.ran())
                .thenComparing(r -> r.category() == null ? Integer.MAX_VALUE : r.category().ordinal())
                .thenComparing(PassRate::number));
        return rates;
    }

    private static List<FailureGroup> failures(List<Student> students) {
        Map<List<String>, List<String>> groups = new LinkedHashMap<>();
        for (Student student : students) {
            if (!student.gradedNormally()) {
                continue; // refused, not compiled, stopped: "not graded normally" says why, once
            }
            for (TestResult test : student.tests()) {
                if (!test.passed()) {
                    groups.computeIfAbsent(List.of(test.number(), test.name(), normalized(test.signature())),
                            k -> new ArrayList<>()).add(student.name());
                }
            }
        }
        return groups.entrySet().stream()
                .map(g -> new FailureGroup(g.getKey().get(0), g.getKey().get(1), g.getKey().get(2), g.getValue()))
                .sorted(Comparator.comparingInt((FailureGroup g) -> -g.students().size()).thenComparing(FailureGroup::number))
                .collect(Collectors.toList());
    }

    /** The points "Your tests" was measured out of, from {@code your-tests.csv} (0 where it was not measured). */
    private static int yourTestsPossible(Path out) throws IOException {
        Path csv = out.resolve(YourTestsCsv.FILE);
        if (!Files.exists(csv)) {
            return 0;
        }
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        int column = List.of(lines.get(0).split(",")).indexOf("possible");
        return lines.size() < 2 || column < 0 ? 0 : number(Gradebook.cells(lines.get(1)).get(column));
    }

    /** The top pairs of {@code similarity.csv}, where {@code --similarity} ran: first, second, average %. */
    private static List<String[]> similarPairs(Path out) throws IOException {
        Path csv = out.resolve("similarity.csv");
        List<String[]> pairs = new ArrayList<>();
        if (!Files.exists(csv)) {
            return pairs;
        }
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            List<String> cells = Gradebook.cells(line);
            if (cells.size() >= 3) {
                pairs.add(new String[] {Gradebook.unquote(cells.get(0)), Gradebook.unquote(cells.get(1)),
                    String.format(Locale.ROOT, "%.0f", Double.parseDouble(cells.get(2)) * 100)});
            }
        }
        return pairs;
    }

    /** A score cell: "98.1", "100"; 0 when blank or not a number. */
    private static double decimal(String cell) {
        try {
            return cell.isBlank() ? 0 : Double.parseDouble(cell.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int number(String cell) {
        try {
            return cell.isBlank() ? 0 : Integer.parseInt(cell.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Counts of each score bin, by the bins' labels, for both renderings. */
    static Map<String, Integer> bins(Model model) {
        Map<String, Integer> bins = new TreeMap<>(Comparator.comparingInt(ClassReport::binStart));
        int[] counts = model.histogram();
        for (int i = 0; i < counts.length; i++) {
            bins.put(i == 10 ? "100" : (i * 10) + "-" + (i * 10 + 9), counts[i]);
        }
        return bins;
    }

    private static int binStart(String label) {
        return Integer.parseInt(label.split("-")[0]);
    }

    /** A category's mean points over the class. */
    static double mean(Model model, Category category) {
        return model.students().stream().mapToInt(s -> s.categories().get(category)).average().orElse(0);
    }

    /** How many students have every point of a category. */
    static long full(Model model, Category category) {
        int max = model.categoryMax(category);
        return model.students().stream().filter(s -> s.categories().get(category) == max).count();
    }

    /** What a student's name looks like in a Markdown sentence or cell: plain text in a code span. */
    static String mdName(String name) {
        return PlainText.inlineCode(name).replace("|", "\\|");
    }
}
