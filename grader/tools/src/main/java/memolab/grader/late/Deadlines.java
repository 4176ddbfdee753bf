package memolab.grader.late;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import memolab.grader.report.Gradebook;
import memolab.grader.score.PlainText;

/**
 * A class's deadline, its late policy, the students' extensions and the times their work
 * was submitted, as {@code grade --deadline --late --extensions --submitted} give them: what
 * {@link #judge} needs to say how late each student was and what that cost.
 *
 * <p>Submission times come from a server (GitHub's record of each push, as {@code collect}
 * writes them into {@code submissions.csv}; Gradescope's {@code created_at}), never from a
 * date inside a commit: a student sets those with one variable.
 */
public final class Deadlines {

    private final Instant deadline;
    private final LatePolicy policy;
    private final Map<String, Instant> extensions;
    private final Map<String, Submitted> submitted;

    /**
     * What {@code collect} recorded of one student's submission: when it was pushed (null:
     * nothing recorded it), and what the instructor should look at.
     */
    public record Submitted(Instant at, String flags) {
    }

    /** How each flag {@code collect} writes begins: a rescore with a new {@code submissions.csv} replaces them. */
    public static final String FORCE_PUSH = "force push ";
    public static final String NO_PUSH_RECORDED = "no push recorded by GitHub";
    public static final String EMPTY_REPOSITORY = "empty repository";
    public static final String NOT_COLLECTED = "not collected: ";

    /** Whether a gradebook flag is one that {@code collect} wrote. */
    public static boolean isCollectFlag(String flag) {
        return flag.startsWith(FORCE_PUSH) || flag.startsWith(NO_PUSH_RECORDED) || flag.startsWith(EMPTY_REPOSITORY)
                || flag.startsWith(NOT_COLLECTED);
    }

    public Deadlines(Instant deadline, LatePolicy policy, Map<String, Instant> extensions, Map<String, Submitted> submitted) {
        this.deadline = deadline;
        this.policy = policy;
        this.extensions = byKey(extensions);
        this.submitted = byKey(submitted);
    }

    /**
     * Students are matched as {@link #key} says: GitHub's user names ignore case, and grade
     * refuses two submissions whose folders differ only in case.
     */
    private static <T> Map<String, T> byKey(Map<String, T> byStudent) {
        Map<String, T> keyed = new LinkedHashMap<>();
        byStudent.forEach((student, value) -> keyed.put(key(student), value));
        return Map.copyOf(keyed);
    }

    private static String key(String student) {
        return PlainText.oneLine(student).toLowerCase(java.util.Locale.ROOT);
    }

    /** The students of the extensions file that none of {@code students} is: a name mistyped loses an extension. */
    public List<String> extensionsMatchingNone(java.util.Collection<String> students) {
        java.util.Set<String> known = new java.util.HashSet<>();
        students.forEach(student -> known.add(key(student)));
        return extensions.keySet().stream().filter(name -> !known.contains(name)).sorted().toList();
    }

    /** No deadline: every final score is the raw one. */
    public static Deadlines none() {
        return new Deadlines(null, null, Map.of(), Map.of());
    }

    /** Whether a deadline was set. */
    public boolean set() {
        return deadline != null;
    }

    /** One student's lateness; {@code student} as the gradebook's first cell shows it. */
    public Lateness judge(String student, double raw) {
        if (deadline == null) {
            return Lateness.none(raw);
        }
        Instant own = extensions.get(key(student));
        Submitted at = submitted.get(key(student));
        return Lateness.judge(at == null ? null : at.at(), own == null ? deadline : own, own != null, policy, raw);
    }

    /** What {@code collect} flagged for this student (a force push, say); empty for most. */
    public String collectFlags(String student) {
        Submitted at = submitted.get(key(student));
        return at == null ? "" : at.flags();
    }

    /**
     * A time as an instructor writes it: ISO 8601 with an offset ({@code 2026-12-04T23:59:00+01:00},
     * {@code 2026-12-04T22:59:00Z}).
     *
     * @throws IllegalArgumentException saying what a valid one looks like
     */
    public static Instant parseTime(String text, String what) {
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(what + " \"" + text.strip() + "\" is not a time with its offset: write ISO 8601, "
                    + "e.g. 2026-12-04T23:59:00+01:00 or 2026-12-04T22:59:00Z (an offset is required: a deadline "
                    + "without one means different moments on different machines).");
        }
    }

    /**
     * The extensions file: a CSV with the header {@code student,deadline}, one row per
     * student with their own deadline.
     *
     * @throws IllegalArgumentException naming the line that is wrong
     */
    public static Map<String, Instant> readExtensions(Path file) throws IOException {
        Map<String, Instant> extensions = new LinkedHashMap<>();
        for (Row row : rows(file, List.of("student", "deadline"))) {
            extensions.put(PlainText.oneLine(row.cells().get("student")), parseTime(row.cells().get("deadline"),
                    file.getFileName() + " line " + row.line() + ": the deadline"));
        }
        return extensions;
    }

    /**
     * {@code collect}'s {@code submissions.csv}: each student's {@code submitted_at} (the
     * push GitHub recorded; blank when nothing recorded one) and its {@code flags}.
     */
    public static Map<String, Submitted> readSubmitted(Path file) throws IOException {
        Map<String, Submitted> submitted = new LinkedHashMap<>();
        for (Row row : rows(file, List.of("student", "submitted_at", "flags"))) {
            String at = row.cells().get("submitted_at");
            submitted.put(PlainText.oneLine(row.cells().get("student")), new Submitted(at.isBlank() ? null
                    : parseTime(at, file.getFileName() + " line " + row.line() + ": submitted_at"), row.cells().get("flags")));
        }
        return submitted;
    }

    /** A line's cells as {@link Gradebook#quote} wrote them, unquoted. */
    private static List<String> split(String line) {
        return Gradebook.cells(line).stream().map(Gradebook::unquote).toList();
    }

    /** A CSV row by its header's names, and its line number. */
    record Row(int line, Map<String, String> cells) {
    }

    /** The rows of a CSV file whose header holds at least {@code columns}. */
    static List<Row> rows(Path file, List<String> columns) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(file + " is empty: its first line must be the header " + String.join(",", columns));
        }
        List<String> header = split(lines.get(0).replace("\uFEFF", "").strip()); // as a spreadsheet saves it
        if (!header.containsAll(columns)) {
            throw new IllegalArgumentException(file + ": the first line must be a header with the columns "
                    + String.join(",", columns) + "; it is: " + PlainText.oneLine(lines.get(0)));
        }
        List<Row> rows = new java.util.ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            List<String> cells = split(lines.get(i));
            if (cells.size() != header.size()) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + " has " + cells.size() + " cells, the header "
                        + header.size() + ": " + PlainText.oneLine(lines.get(i)));
            }
            Map<String, String> byName = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                byName.put(header.get(c), cells.get(c));
            }
            rows.add(new Row(i + 1, byName));
        }
        return rows;
    }
}
