package memolab.grader.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import memolab.grader.Category;
import memolab.grader.grading.Submission;
import memolab.grader.report.ClassReport.FailureGroup;
import memolab.grader.report.ClassReport.Model;
import memolab.grader.report.ClassReport.PassRate;
import memolab.grader.report.ClassReport.Student;

/**
 * {@code class-report.html}: the class report as one page that opens from disk with nothing
 * fetched (inline CSS, the histogram as inline SVG, no script), readable at a laptop's width
 * and printable. Every student's text is escaped.
 */
final class ClassReportHtml {

    private static final String STYLE = """
            body { font: 15px/1.45 system-ui, sans-serif; max-width: 1100px; margin: 2em auto; padding: 0 1em; color: #1b1b1b; }
            h1 { font-size: 1.6em; } h2 { margin-top: 2em; border-bottom: 1px solid #ccc; } h3 { font-size: 1.05em; }
            table { border-collapse: collapse; margin: .6em 0; } th, td { border: 1px solid #d0d0d0; padding: .25em .6em; text-align: left; vertical-align: top; }
            th { background: #f3f3f3; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
            code, pre { font-family: ui-monospace, monospace; font-size: .92em; } pre { background: #f6f6f6; padding: .6em; overflow-x: auto; white-space: pre-wrap; }
            .hidden { color: #8a4b00; font-size: .85em; } .bar { fill: #3b6ea8; } .axis { font-size: 12px; fill: #333; }
            .note { color: #555; }
            @media print { body { max-width: none; margin: 0; } h2 { break-after: avoid; } table, pre { break-inside: avoid; } a { color: inherit; } }
            """;

    private ClassReportHtml() {
    }

    static String render(Model model) {
        List<Student> students = model.students();
        long normal = model.gradedNormally();
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>MemoLab class report</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n");
        html.append("<h1>MemoLab class report</h1>\n<p>").append(students.size())
                .append(" submissions in <code>gradebook.csv</code>, ").append(normal).append(" of them graded normally")
                .append(model.batchSeconds().isPresent() ? String.format(Locale.ROOT, "; the run that wrote it took %.0f s",
                        model.batchSeconds().getAsDouble()) : "")
                .append(". <span class=\"note\">").append(ClassReport.NAMES_STUDENTS).append("</span></p>\n");

        html.append("<h2 id=\"scores\">Scores</h2>\n").append(histogram(model));
        html.append(String.format(Locale.ROOT, "<p id=\"summary\">Median %s of %d; <span id=\"at-full\">%d</span> at %d, "
                        + "<span id=\"at-zero\">%d</span> at 0.</p>%n", ClassReportMarkdown.number(model.median()),
                model.possible(), model.atFull(), model.possible(), model.atZero()));
        html.append("<table id=\"categories\">\n<tr><th>category</th><th>mean points</th><th>students with every point</th></tr>\n");
        for (Category category : Category.values()) {
            html.append(String.format(Locale.ROOT, "<tr><td>%d. %s</td><td class=\"n\">%.1f of %d</td><td class=\"n\">%d of %d</td></tr>%n",
                    category.number(), esc(category.title()), ClassReport.mean(model, category), model.categoryMax(category),
                    ClassReport.full(model, category), students.size()));
        }
        model.yourTests().ifPresent(yours -> html.append(String.format(Locale.ROOT,
                "<tr><td>%d. Your tests</td><td class=\"n\">%.1f of %d</td><td class=\"n\">%d of %d</td></tr>%n",
                Category.values().length + 1, yours[0], model.yourTestsPossible(), (long) yours[1], students.size())));
        html.append("</table>\n");

        html.append("<h2 id=\"tests\">Tests, lowest pass rate first</h2>\n<p>Over the ").append(normal)
                .append(" submissions graded normally; <span class=\"hidden\">hidden</span> marks final grading's tests.</p>\n")
                .append("<table id=\"pass-rates\">\n<tr><th>test</th><th>category</th><th>passed</th><th>read</th></tr>\n");
        for (PassRate rate : model.passRates()) {
            html.append(String.format(Locale.ROOT, "<tr><td>%s %s%s</td><td>%s</td><td class=\"n\">%d of %d (%.0f %%)</td><td>%s</td></tr>%n",
                    esc(rate.number()), esc(rate.name()), rate.hidden() ? " <span class=\"hidden\">hidden</span>" : "",
                    rate.category() == null ? "" : esc(rate.category().title()), rate.passed(), rate.ran(),
                    rate.ran() == 0 ? 0 : 100.0 * rate.passed() / rate.ran(),
                    rate.category() == null ? "" : esc(rate.category().readMore())));
        }
        html.append("</table>\n");

        html.append("<h2 id=\"failures\">The most frequent failures</h2>\n<p>").append(ClassReport.FAILURES_GROUPED)
                .append("</p>\n");
        List<FailureGroup> failures = model.failures();
        if (failures.isEmpty()) {
            html.append("<p>").append(ClassReport.NO_FAILURES).append("</p>\n");
        }
        for (FailureGroup group : model.shownFailures()) {
            html.append(String.format(Locale.ROOT, "<h3 class=\"group\">%d student%s: %s %s</h3>%n<pre>%s</pre>%n<p>",
                    group.students().size(), group.students().size() == 1 ? "" : "s", esc(group.number()), esc(group.test()),
                    esc(group.message().isEmpty() ? "(no message)" : group.message())));
            html.append(String.join(", ", group.students().stream().map(ClassReportHtml::feedbackLink).toList())).append("</p>\n");
        }
        if (failures.size() > ClassReport.SHOWN) {
            html.append("<p class=\"note\">(").append(failures.size() - ClassReport.SHOWN)
                    .append(" more groups, each of fewer students.)</p>\n");
        }

        html.append("<h2 id=\"not-graded\">Not graded normally</h2>\n");
        List<Student> others = model.notGradedNormally();
        if (others.isEmpty()) {
            html.append("<p>None.</p>\n");
        } else {
            html.append("<table>\n<tr><th>student</th><th>status</th><th>why</th></tr>\n");
            others.forEach(s -> html.append("<tr><td>").append(feedbackLink(s.name())).append("</td><td>").append(esc(s.status()))
                    .append("</td><td>").append(esc(s.why())).append("</td></tr>\n"));
            html.append("</table>\n");
        }

        html.append("<h2 id=\"flags\">Flags</h2>\n");
        List<Student> flagged = model.flagged();
        if (flagged.isEmpty()) {
            html.append("<p>").append(ClassReport.NO_FLAGS).append("</p>\n");
        } else {
            html.append("<table>\n<tr><th>student</th><th>flags</th></tr>\n");
            flagged.forEach(s -> html.append("<tr><td>").append(feedbackLink(s.name())).append("</td><td>").append(esc(s.flags()))
                    .append("</td></tr>\n"));
            html.append("</table>\n");
        }

        if (!model.similarPairs().isEmpty()) {
            html.append("<h2 id=\"similarity\">The most similar pairs</h2>\n<p>From <code>similarity.csv</code> (JPlag's average "
                    + "similarity); read <code>similarity.md</code> for the shared regions.</p>\n<table>\n"
                    + "<tr><th>first</th><th>second</th><th>similarity</th></tr>\n");
            model.similarPairs().stream().limit(ClassReport.SHOWN).forEach(p -> html.append("<tr><td>").append(esc(p[0]))
                    .append("</td><td>").append(esc(p[1])).append("</td><td class=\"n\">").append(esc(p[2])).append(" %</td></tr>\n"));
            html.append("</table>\n");
        }

        html.append("<h2 id=\"slowest\">The slowest submissions</h2>\n<table>\n<tr><th>student</th><th>seconds</th></tr>\n");
        model.slowest().forEach(s -> html.append("<tr><td>").append(feedbackLink(s.name())).append("</td><td class=\"n\">")
                        .append(s.seconds()).append("</td></tr>\n"));
        html.append("</table>\n</body>\n</html>\n");
        return html.toString();
    }

    /** The score distribution as an inline SVG bar chart: one bar per bin, its count above it. */
    private static String histogram(Model model) {
        Map<String, Integer> bins = ClassReport.bins(model);
        int most = Math.max(1, bins.values().stream().mapToInt(Integer::intValue).max().orElse(1));
        int width = 60;
        int height = 180;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg id=\"histogram\" role=\"img\" aria-label=\"students per score bin\" width=\"%d\" height=\"%d\" "
                        + "viewBox=\"0 0 %d %d\" xmlns=\"http://www.w3.org/2000/svg\">%n",
                bins.size() * width + 20, height + 50, bins.size() * width + 20, height + 50));
        int i = 0;
        for (Map.Entry<String, Integer> bin : bins.entrySet()) {
            int barHeight = bin.getValue() * height / most;
            int x = 10 + i * width;
            svg.append(String.format(Locale.ROOT, "<rect class=\"bar\" data-bin=\"%s\" data-count=\"%d\" x=\"%d\" y=\"%d\" "
                            + "width=\"%d\" height=\"%d\"><title>%s: %d</title></rect>%n", bin.getKey(), bin.getValue(), x + 4,
                    20 + height - barHeight, width - 8, barHeight, bin.getKey(), bin.getValue()));
            svg.append(String.format(Locale.ROOT, "<text class=\"axis\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">%d</text>%n",
                    x + width / 2, 15 + height - barHeight, bin.getValue()));
            svg.append(String.format(Locale.ROOT, "<text class=\"axis\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    x + width / 2, height + 38, bin.getKey()));
            i++;
        }
        return svg.append("</svg>\n").toString();
    }

    private static String feedbackLink(String student) {
        return "<a class=\"student\" href=\"" + Submission.folderName(student) + "/feedback.md\">" + esc(student) + "</a>";
    }

    /** Text as HTML shows it, never as markup. */
    static String esc(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (Character.isISOControl(c) && c != '\n' && c != '\t' || Character.getType(c) == Character.FORMAT) {
                        out.append('?');
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
