package memolab.grader.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import memolab.grader.grading.YourTestsReport;

/**
 * {@code your-tests.csv}: one row per student whose own tests were measured ("Your tests"),
 * for the instructor. A run's rows replace the same students' rows of an earlier run; the
 * other rows stay.
 */
public final class YourTestsCsv {

    /** The file's name in the reports folder. */
    public static final String FILE = "your-tests.csv";

    /** The header line. */
    public static final String HEADER = "student,tests,sound,bugs_caught,bugs,caught_weight,total_weight,branches_covered,"
            + "branches,points,possible,seconds,jvms,measured_with";

    private YourTestsCsv() {
    }

    /** Writes {@code reports} into {@code file}, keeping the rows of students not among them. */
    public static void write(Path file, Map<String, YourTestsReport> reports) throws IOException {
        Map<String, String> rows = new TreeMap<>();
        if (Files.isRegularFile(file)) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                if (!line.isBlank()) {
                    rows.put(Gradebook.unquote(Gradebook.cells(line).get(0)), line);
                }
            }
        }
        reports.forEach((student, report) -> rows.put(student, row(student, report)));
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        rows.values().forEach(row -> text.append(row).append('\n'));
        Gradebook.replace(file, text.toString());
    }

    static String row(String student, YourTestsReport report) {
        long caught = report.bugs().stream().filter(YourTestsReport.BugVerdict::caught).count();
        return String.join(",", Gradebook.quote(student), String.valueOf(report.tests()), String.valueOf(report.sound()),
                String.valueOf(caught), String.valueOf(report.bugs().size()), String.valueOf(report.caughtWeight()),
                String.valueOf(report.totalWeight()), String.valueOf(report.covered()), String.valueOf(report.branches()),
                YourTestsReport.points(report.earned()), String.valueOf(report.possible()),
                String.format(Locale.ROOT, "%.1f", report.seconds()), String.valueOf(report.jvms()),
                Gradebook.quote(report.measuredWith()));
    }
}
