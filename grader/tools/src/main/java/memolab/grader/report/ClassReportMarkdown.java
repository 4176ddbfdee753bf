package memolab.grader.report;

import java.util.List;
import java.util.Locale;
import memolab.grader.Category;
import memolab.grader.grading.Submission;
import memolab.grader.report.ClassReport.FailureGroup;
import memolab.grader.report.ClassReport.Model;
import memolab.grader.report.ClassReport.PassRate;
import memolab.grader.report.ClassReport.Student;
import memolab.grader.score.PlainText;

/** {@code class-report.md}: the class report for a terminal or a repository; every student's text in code spans. */
final class ClassReportMarkdown {

    private ClassReportMarkdown() {
    }

    static String render(Model model) {
        List<Student> students = model.students();
        StringBuilder md = new StringBuilder("# MemoLab class report\n\n");
        long normal = model.gradedNormally();
        md.append(String.format(Locale.ROOT, "%d submissions in `gradebook.csv`, %d of them graded normally%s. %s%n",
                students.size(), normal,
                model.batchSeconds().isPresent() ? String.format(Locale.ROOT, "; the run that wrote it took %.0f s",
                        model.batchSeconds().getAsDouble()) : "", ClassReport.NAMES_STUDENTS));

        md.append("\n## Scores\n\n| score (%) | students | |\n|---|---|---|\n");
        ClassReport.bins(model).forEach((bin, count) -> md.append(String.format(Locale.ROOT, "| %s | %d | %s |%n", bin, count,
                "█".repeat(count))));
        md.append(String.format(Locale.ROOT, "%nMedian %s of %d; %d at %d, %d at 0.%n", number(model.median()),
                model.possible(), model.atFull(), model.possible(), model.atZero()));
        md.append("\n| category | mean points | students with every point |\n|---|---|---|\n");
        for (Category category : Category.values()) {
            md.append(String.format(Locale.ROOT, "| %d. %s | %.1f of %d | %d of %d |%n", category.number(), category.title(),
                    ClassReport.mean(model, category), model.categoryMax(category), ClassReport.full(model, category),
                    students.size()));
        }
        model.yourTests().ifPresent(yours -> md.append(String.format(Locale.ROOT, "| %d. Your tests | %.1f of %d | %d of %d |%n",
                Category.values().length + 1, yours[0], model.yourTestsPossible(), (long) yours[1], students.size())));

        md.append(String.format(Locale.ROOT, "%n## Tests, lowest pass rate first%n%nOver the %d submissions graded normally; "
                + "*hidden* marks final grading's tests.%n%n| test | category | passed | read |%n|---|---|---|---|%n", normal));
        for (PassRate rate : model.passRates()) {
            md.append(String.format(Locale.ROOT, "| %s %s%s | %s | %d of %d (%.0f %%) | %s |%n", rate.number(),
                    ClassReport.mdName(rate.name()), rate.hidden() ? " *hidden*" : "",
                    rate.category() == null ? "" : rate.category().title(), rate.passed(), rate.ran(),
                    rate.ran() == 0 ? 0 : 100.0 * rate.passed() / rate.ran(),
                    rate.category() == null ? "" : rate.category().readMore().replace("|", "\\|")));
        }

        md.append("\n## The most frequent failures\n\n").append(ClassReport.FAILURES_GROUPED).append('\n');
        List<FailureGroup> failures = model.failures();
        if (failures.isEmpty()) {
            md.append('\n').append(ClassReport.NO_FAILURES).append('\n');
        }
        for (FailureGroup group : model.shownFailures()) {
            md.append(String.format(Locale.ROOT, "%n### %d student%s: %s %s%n%n", group.students().size(),
                    group.students().size() == 1 ? "" : "s", group.number(), ClassReport.mdName(group.test())));
            md.append(PlainText.codeBlock(PlainText.clean(group.message().isEmpty() ? "(no message)" : group.message(), 400)));
            md.append('\n').append(String.join(", ", group.students().stream().map(ClassReportMarkdown::feedbackLink).toList()))
                    .append('\n');
        }
        if (failures.size() > ClassReport.SHOWN) {
            md.append(String.format(Locale.ROOT, "%n(%d more groups, each of fewer students.)%n", failures.size() - ClassReport.SHOWN));
        }

        md.append("\n## Not graded normally\n\n");
        List<Student> others = model.notGradedNormally();
        if (others.isEmpty()) {
            md.append("None.\n");
        } else {
            md.append("| student | status | why |\n|---|---|---|\n");
            others.forEach(s -> md.append(String.format(Locale.ROOT, "| %s | %s | %s |%n", feedbackLink(s.name()), s.status(),
                    s.why().isEmpty() ? "" : ClassReport.mdName(s.why()))));
        }

        md.append("\n## Flags\n\n");
        List<Student> flagged = model.flagged();
        if (flagged.isEmpty()) {
            md.append(ClassReport.NO_FLAGS).append('\n');
        } else {
            md.append("| student | flags |\n|---|---|\n");
            flagged.forEach(s -> md.append(String.format(Locale.ROOT, "| %s | %s |%n", feedbackLink(s.name()),
                    ClassReport.mdName(s.flags()))));
        }

        if (!model.similarPairs().isEmpty()) {
            md.append("\n## The most similar pairs\n\nFrom `similarity.csv` (JPlag's average similarity); read "
                    + "`similarity.md` for the shared regions.\n\n| first | second | similarity |\n|---|---|---|\n");
            model.similarPairs().stream().limit(ClassReport.SHOWN).forEach(p -> md.append(String.format(Locale.ROOT,
                    "| %s | %s | %s %% |%n", ClassReport.mdName(p[0]), ClassReport.mdName(p[1]), p[2])));
        }

        md.append("\n## The slowest submissions\n\n| student | seconds |\n|---|---|\n");
        model.slowest().forEach(s -> md.append(String.format(Locale.ROOT, "| %s | %d |%n", feedbackLink(s.name()), s.seconds())));
        return md.toString();
    }

    /** A student's name linking to their feedback, next to this report. */
    static String feedbackLink(String student) {
        return "[" + ClassReport.mdName(student) + "](" + Submission.folderName(student) + "/feedback.md)";
    }

    static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
