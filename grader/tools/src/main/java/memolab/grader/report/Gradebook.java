package memolab.grader.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import memolab.grader.Category;
import memolab.grader.grading.GradingResult;
import memolab.grader.grading.YourTestsReport;
import memolab.grader.late.Deadlines;
import memolab.grader.late.LatePolicy;
import memolab.grader.late.Lateness;
import memolab.grader.score.Score;
import memolab.grader.score.PlainText;

/**
 * The class's {@code gradebook.csv}: one row per student (id, status, total, possible, each
 * category, flags for the instructor: changed course files, forged result lines; and, with
 * {@code grade --similarity}, the student's highest similarity and with whom; with
 * {@code grade --deadline}, when the work was submitted, how late, and the penalty, which
 * only the final score shows: {@code total} is always the tests' raw score). Each
 * row is appended and flushed as soon as its student is graded, so an interrupted batch
 * loses no finished row, and a new run over the same folder grades only the students not
 * in it yet.
 */
public final class Gradebook implements AutoCloseable {

    private final Writer out;

    private Gradebook(Writer out) {
        this.out = out;
    }

    /** The header row. */
    public static String header() {
        List<String> cells = new ArrayList<>(List.of("student", "status", "total", "possible", "final"));
        for (Category category : Category.values()) {
            cells.add(category.name().toLowerCase(java.util.Locale.ROOT));
        }
        cells.add("your_tests"); // final grading with the category on: the points of the student's own tests
        cells.add("flags");
        // grade --deadline: when the server received the work, the student's deadline, how late, what the policy took
        cells.addAll(List.of("submitted_at", "deadline", "late_by_hours", "penalty_percent"));
        cells.add("similarity"); // grade --similarity: the student's highest similarity (JPlag's average, in %)
        cells.add("similar_to"); // ...and with whom
        return String.join(",", cells);
    }

    /**
     * The students already in the gradebook at {@code file} (none if there is no file), as their
     * first cells show them ({@link PlainText#oneLine}: compare with a name made so too).
     *
     * @throws IllegalStateException if the file has another header: it is not this grader's
     */
    public static Set<String> graded(Path file) throws IOException {
        Set<String> students = new HashSet<>();
        if (!Files.exists(file)) {
            return students;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (!lines.isEmpty() && !lines.get(0).equals(header())) {
            throw new IllegalStateException(file + " is not a MemoLab gradebook of this version (its header differs); "
                    + "move it away or choose another --out folder.");
        }
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            if (!line.isBlank()) {
                students.add(unquote(line.substring(0, firstCellEnd(line))));
            }
        }
        return students;
    }

    /**
     * Removes the rows of {@code students} (names as {@link PlainText#oneLine} shows them) from
     * the gradebook at {@code file}, keeping every other row as it is (the file is rewritten whole, then moved into place).
     */
    public static void remove(Path file, Set<String> students) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        graded(file); // checks that it is this grader's gradebook
        List<String> kept = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            boolean row = !line.isBlank() && !line.equals(header());
            if (!row || !students.contains(unquote(line.substring(0, firstCellEnd(line))))) {
                kept.add(line);
            }
        }
        replace(file, String.join("\n", kept) + "\n");
    }

    /** Opens the gradebook for appending, writing the header if the file is new. */
    public static Gradebook open(Path file) throws IOException {
        boolean fresh = !Files.exists(file) || Files.size(file) == 0;
        Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        if (fresh) {
            writer.write(header() + "\n");
            writer.flush();
        }
        return new Gradebook(writer);
    }

    /** Appends one student's row and flushes it: the raw score (the tests'), and the final one after any late penalty. */
    public synchronized void append(GradingResult result, Lateness lateness) throws IOException {
        Score score = result.score();
        List<String> late = lateCells(lateness);
        List<String> cells = new ArrayList<>(List.of(quote(result.student()), result.status().name().toLowerCase(java.util.Locale.ROOT),
                result.totalText(), Integer.toString(score.possible()), late.get(0)));
        for (Category category : Category.values()) {
            cells.add(Integer.toString(score.row(category).earned()));
        }
        cells.add(result.yourTests() == null ? "" : YourTestsReport.points(result.yourTests().earned()));
        cells.add(quote(String.join("; ", result.flags())));
        cells.addAll(late.subList(1, late.size()));
        cells.add("");
        cells.add("");
        out.write(String.join(",", cells) + "\n");
        out.flush();
    }

    /**
     * Fills the similarity columns: for each student in {@code highest}, their highest
     * similarity (0 to 1, written in %) and the submission it was with; every other row's
     * columns are emptied. The file is rewritten whole, then moved into place.
     */
    public static void setSimilarity(Path file, Map<String, Map.Entry<Double, String>> highest) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        graded(file); // checks that it is this grader's gradebook
        Map<String, Map.Entry<Double, String>> byCell = new java.util.HashMap<>(); // keyed as the first cell shows a name
        highest.forEach((student, similar) -> byCell.put(PlainText.oneLine(student), similar));
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.equals(header())) {
                lines.add(line);
                continue;
            }
            List<String> cells = cells(line);
            Map.Entry<Double, String> similar = byCell.get(unquote(cells.get(0)));
            cells.set(cells.size() - 2, similar == null ? "" : String.format(java.util.Locale.ROOT, "%.0f", similar.getKey() * 100));
            cells.set(cells.size() - 1, similar == null ? "" : quote(similar.getValue()));
            lines.add(String.join(",", cells));
        }
        replace(file, String.join("\n", lines) + "\n");
    }

    /**
     * Applies {@code deadlines} again to every row, from its raw score: {@code final}, the late
     * columns, the late flags and the flags {@code grade} took from {@code submissions.csv}
     * are written anew; everything else stays. The file is
     * rewritten whole, then moved into place.
     *
     * @return each student's lateness, by the name in the row's first cell
     */
    public static Map<String, Lateness> rescore(Path file, Deadlines deadlines) throws IOException {
        graded(file); // checks that it is this grader's gradebook
        List<String> header = List.of(header().split(","));
        Map<String, Lateness> judged = new java.util.LinkedHashMap<>();
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.equals(header())) {
                lines.add(line);
                continue;
            }
            List<String> cells = new ArrayList<>(cells(line));
            String student = unquote(cells.get(0));
            Lateness lateness = deadlines.judge(student, Double.parseDouble(cells.get(header.indexOf("total"))));
            judged.put(student, lateness);
            List<String> flags = new ArrayList<>();
            for (String flag : unquote(cells.get(header.indexOf("flags"))).split("; ")) {
                if (!flag.isBlank() && !Lateness.isLatenessFlag(flag) && !Deadlines.isCollectFlag(flag)) {
                    flags.add(flag);
                }
            }
            for (String collected : deadlines.collectFlags(student).split("; ")) {
                if (!collected.isBlank() && !flags.contains(collected)) {
                    flags.add(collected);
                }
            }
            flags.addAll(lateness.flags());
            cells.set(header.indexOf("flags"), quote(String.join("; ", flags)));
            List<String> late = lateCells(lateness);
            cells.set(header.indexOf("final"), late.get(0));
            for (int i = 1; i < late.size(); i++) {
                cells.set(header.indexOf("submitted_at") + i - 1, late.get(i));
            }
            lines.add(String.join(",", cells));
        }
        replace(file, String.join("\n", lines) + "\n");
        return judged;
    }

    /** The final score, then the cells from {@code submitted_at} to {@code penalty_percent}. */
    private static List<String> lateCells(Lateness lateness) {
        return List.of(LatePolicy.number(lateness.finalScore()),
                lateness.submittedAt() == null ? "" : lateness.submittedAt().toString(),
                lateness.deadline() == null ? "" : lateness.deadline().toString(),
                lateness.lateHoursCell(),
                lateness.applies() ? LatePolicy.number(lateness.penaltyPercent()) : "");
    }

    /**
     * Writes {@code text} to a file beside {@code file}, then moves it into place: a reader never
     * sees half a file, and a failed write leaves the old one.
     */
    public static void replace(Path file, String text) throws IOException {
        Path next = file.resolveSibling(file.getFileName() + ".next");
        Files.writeString(next, text, StandardCharsets.UTF_8);
        Files.move(next, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** A row's cells as written (quoted cells keep their quotes). */
    public static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        int start = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(line.substring(start, i));
                start = i + 1;
            }
        }
        cells.add(line.substring(start));
        return cells;
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }

    /**
     * A CSV cell: as it is when plainly safe, else in double quotes with quotes doubled; and
     * defused first where a spreadsheet would read it as a formula (OWASP's advice on CSV
     * injection): a cell that starts with {@code = + - @}, a tab or a carriage return (a
     * student's folder named {@code =HYPERLINK(...)}, say) gets a leading apostrophe, which
     * spreadsheets show as text. A cell that starts with an apostrophe gets one more, so that
     * reading the cell back removes exactly one.
     */
    public static String quote(String raw) {
        String cell = PlainText.oneLine(raw); // a line break in a folder's name would split the row in two
        String text = !cell.isEmpty() && "=+-@\t\r'".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
        return text.equals(cell) && cell.matches("[A-Za-z0-9._@ -]*") ? cell : "\"" + text.replace("\"", "\"\"") + "\"";
    }

    /** The text of a cell {@link #quote} wrote. */
    public static String unquote(String cell) {
        String text = cell.startsWith("\"") ? cell.substring(1, cell.length() - 1).replace("\"\"", "\"") : cell;
        return text.startsWith("'") ? text.substring(1) : text;
    }

    private static int firstCellEnd(String line) {
        if (!line.startsWith("\"")) {
            int comma = line.indexOf(',');
            return comma < 0 ? line.length() : comma;
        }
        for (int i = 1; i < line.length(); i++) {
            if (line.charAt(i) == '"') {
                if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    i++;
                } else {
                    return i + 1;
                }
            }
        }
        return line.length();
    }
}
