package memolab.grader.selfcheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import memolab.grader.grading.Folders;
import memolab.grader.grading.GradingResult;
import memolab.grader.grading.Submission;
import memolab.grader.report.ClassReport;
import memolab.grader.report.FeedbackMarkdown;
import memolab.grader.report.Gradebook;
import memolab.grader.report.GradescopeJson;
import memolab.grader.score.Score;

/**
 * The excerpt of a class report that the README and chapter 6 show: a small class (the
 * reference, the stubs and a few of the corpus's bugs) graded with the visible suite, its
 * gradebook and results written as {@code grade} writes them, then the report made from them.
 */
public final class ClassReportExample {

    /** The class: each name a corpus variant, except the reference and the stubs. */
    static final List<String> CLASS = List.of("reference", "stubs", "get-does-not-refresh", "evicts-newest",
            "off-by-one-capacity");

    private ClassReportExample() {
    }

    /** The report's scores and its two largest failure groups, as a Markdown block to quote. */
    public static String excerpt() {
        try {
            Path out = Submissions.SCRATCH.resolve("docs-class-report");
            Folders.deleteTree(out);
            Files.createDirectories(out);
            try (Gradebook gradebook = Gradebook.open(out.resolve("gradebook.csv"))) {
                for (String name : CLASS) {
                    Path classes = switch (name) {
                        case "reference" -> Submissions.compile(name, Submissions.REFERENCE, null);
                        case "stubs" -> Submissions.compile(name, Submissions.STUBS, null);
                        default -> Submissions.compileVariant(Submissions.CORPUS, name);
                    };
                    Score score = Submissions.grade(classes, false);
                    GradingResult result = new GradingResult(name, GradingResult.Status.GRADED, score.outcomes(), List.of(), "", 0,
                            new GradingResult.Timings(0, 0, 0, 0), List.of());
                    Path folder = Files.createDirectories(out.resolve(Submission.folderName(name)));
                    Files.writeString(folder.resolve("feedback.md"), FeedbackMarkdown.render(result), StandardCharsets.UTF_8);
                    Files.writeString(folder.resolve("results.json"), GradescopeJson.render(result), StandardCharsets.UTF_8);
                    gradebook.append(result, memolab.grader.late.Lateness.none(result.score().earned()));
                }
            }
            String md = Files.readString(ClassReport.write(out, OptionalDouble.empty()), StandardCharsets.UTF_8);
            String scores = md.substring(md.indexOf("## Scores"), md.indexOf("| category |")).strip();
            String failures = md.substring(md.indexOf("## The most frequent failures"));
            int third = nthIndexOf(failures, "\n### ", 3);
            failures = failures.substring(0, third < 0 ? failures.indexOf("\n## ", 5) : third).strip();
            // The excerpt holds code blocks of its own: its fence is longer than theirs.
            return "````markdown\n" + scores + "\n\n[...]\n\n" + failures + "\n\n[...]\n````\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int nthIndexOf(String text, String part, int n) {
        int at = -1;
        for (int i = 0; i < n; i++) {
            at = text.indexOf(part, at + 1);
            if (at < 0) {
                return -1;
            }
        }
        return at;
    }
}
