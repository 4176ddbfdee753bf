package memolab.grader.selfcheck;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import memolab.grader.grading.Submission;
import memolab.grader.report.Gradebook;
import memolab.grader.score.PlainText;

/**
 * The class report's pass rates and failure groups, checked against what each student's
 * {@code feedback.md} says: the report is made from the gradebook and each
 * {@code results.json}; the feedback is written from the grading result by other code. Both
 * ways must give the same numbers and the same students. Used by the cheat corpus's batch (in
 * the build) and the grading benchmark's class of 40.
 */
public final class ClassReportCrossCheck {

    private static final Pattern LOST = Pattern.compile("^- \\*\\*(.+)\\*\\* \\(0 / \\d+(, hidden test)?\\)$");
    private static final Pattern RATE = Pattern.compile("^\\| \\S+ `(.+?)`( \\*hidden\\*)? \\| [^|]* \\| (\\d+) of (\\d+) \\(");
    private static final Pattern GROUP = Pattern.compile("^### (\\d+) students?: \\S+ `(.+)`$");
    private static final Pattern LINK = Pattern.compile("\\[`(.+?)`\\]\\(");

    private ClassReportCrossCheck() {
    }

    /** {@code ClassReportCrossCheck <out>}: checks a grading run's folder. */
    public static void main(String[] args) throws IOException {
        System.out.println(check(Path.of(args[0])));
    }

    /** What was compared, to print; an {@link AssertionError} naming the first disagreement. */
    public static String check(Path out) throws IOException {
        List<String> graded = new ArrayList<>();
        List<String> book = Files.readAllLines(out.resolve("gradebook.csv"), StandardCharsets.UTF_8);
        for (String line : book.subList(1, book.size())) {
            List<String> cells = Gradebook.cells(line).stream().map(Gradebook::unquote).toList();
            if (cells.get(1).equals("graded")) {
                graded.add(cells.get(0));
            }
        }
        // The other way: each graded student's lost tests and their messages, from feedback.md.
        Map<String, Map<String, String>> lost = new LinkedHashMap<>(); // student -> test -> message on one line
        int lostInAll = 0;
        for (String student : graded) {
            Map<String, String> tests = lostTests(out.resolve(Submission.folderName(student)).resolve("feedback.md"));
            lost.put(student, tests);
            lostInAll += tests.size();
        }
        List<String> report = Files.readAllLines(out.resolve("class-report.md"), StandardCharsets.UTF_8);
        int rates = 0;
        int failedInRates = 0;
        for (String line : report) {
            Matcher rate = RATE.matcher(line);
            if (!rate.find()) {
                continue;
            }
            String test = rate.group(1);
            long failing = lost.values().stream().filter(tests -> tests.containsKey(test)).count();
            int passed = Integer.parseInt(rate.group(3));
            int ran = Integer.parseInt(rate.group(4));
            if (ran != graded.size() || passed != graded.size() - failing) {
                throw new AssertionError("class-report.md says " + test + " passed " + passed + " of " + ran + "; the "
                        + graded.size() + " graded students' feedback.md files say " + (graded.size() - failing) + " of "
                        + graded.size());
            }
            rates++;
            failedInRates += ran - passed;
        }
        if (failedInRates != lostInAll) {
            throw new AssertionError("the report's pass rates count " + failedInRates + " failures; the feedback files list "
                    + lostInAll + " lost tests");
        }
        int groups = 0;
        for (int i = 0; i < report.size(); i++) {
            Matcher group = GROUP.matcher(report.get(i));
            if (!group.matches()) {
                continue;
            }
            String test = group.group(2);
            int fence = i + 2; // the heading, a blank line, then the message's code block
            int close = fence + 1;
            while (!report.get(close).equals(report.get(fence))) {
                close++;
            }
            Pattern message = messagePattern(String.join(" ", report.subList(fence + 1, close)));
            List<String> listed = new ArrayList<>();
            Matcher link = LINK.matcher(report.get(close + 2));
            while (link.find()) {
                listed.add(link.group(1));
            }
            List<String> expected = new ArrayList<>();
            lost.forEach((student, tests) -> {
                if (tests.containsKey(test) && message.matcher(tests.get(test)).find()) {
                    expected.add(PlainText.oneLine(student));
                }
            });
            if (listed.size() != Integer.parseInt(group.group(1)) || !listed.equals(expected)) {
                throw new AssertionError("class-report.md groups " + group.group(1) + " students on " + test + " (" + listed
                        + "); the feedback files give that test that message for " + expected);
            }
            groups++;
        }
        return String.format(java.util.Locale.ROOT, "class report checked against %d feedback files: %d pass rates "
                + "(%d failures) and %d failure groups agree", graded.size(), rates, failedInRates, groups);
    }

    /** A feedback file's lost tests, each with its message on one line. */
    static Map<String, String> lostTests(Path feedback) throws IOException {
        Map<String, String> tests = new LinkedHashMap<>();
        List<String> pending = new ArrayList<>();
        List<String> lines = Files.readAllLines(feedback, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            Matcher test = LOST.matcher(lines.get(i));
            if (test.matches()) {
                pending.add(test.group(1));
            } else if (!pending.isEmpty() && lines.get(i).matches("`{3,}")) {
                int close = i + 1;
                while (!lines.get(close).equals(lines.get(i))) {
                    close++;
                }
                String message = String.join(" ", lines.subList(i + 1, close).stream().map(String::strip).toList())
                        .replaceAll("\\s+", " ");
                pending.forEach(name -> tests.put(name, message));
                pending.clear();
                i = close;
            }
        }
        return tests;
    }

    /**
     * The report's message as a pattern over a feedback message: its figures and identity
     * hashes were left out as "…" (they differ between students), and it may be cut short ("...").
     */
    private static Pattern messagePattern(String shown) {
        String text = shown.strip();
        text = text.endsWith("...") ? text.substring(0, text.length() - 3) : text;
        StringBuilder regex = new StringBuilder();
        for (String part : text.split("…", -1)) {
            if (!regex.isEmpty()) {
                regex.append("[0-9a-f.,]+");
            }
            regex.append(Pattern.quote(part.replaceAll("\\s+", " ")));
        }
        return Pattern.compile(regex.toString());
    }
}
