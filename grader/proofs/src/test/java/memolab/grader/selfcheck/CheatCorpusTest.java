package memolab.grader.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import memolab.grader.cli.GraderCli;
import memolab.grader.report.Gradebook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Grading integrity, proved with {@code grade}'s own code path (the command line, a JVM per
 * submission, hidden tests included): every cheat in {@code src/test/resources/cheats} scores
 * at most its {@code max-score} and its report says why ({@code report}); every correct
 * solution in another style ({@code src/test/resources/styles}) scores 100.
 *
 * <p>Each entry is a folder: {@code cheat.properties} ({@code base}: the stubs or the
 * reference, which {@code files/} is laid over as {@code exercises/src/main/java}),
 * {@code files/}, and any {@code .edit} files (a few lines of a reference, bug-corpus or
 * other cheat's file changed, in the bug corpus's format, {@link VariantEdit}); either may be
 * left out. A cheat's
 * {@code absent} names a text that its student's reports must not contain.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CheatCorpusTest {

    static final Path CHEATS = Submissions.PROOFS.resolve("src/test/resources/cheats");
    static final Path STYLES = Submissions.PROOFS.resolve("src/test/resources/styles");

    @TempDir
    static Path temp;

    private Path out;
    private Map<String, String[]> rows;
    private Map<String, String> lines;
    private String stderr;

    static List<String> cheats() {
        return names(CHEATS);
    }

    static List<String> styles() {
        return names(STYLES);
    }

    private static List<String> names(Path corpus) {
        try (Stream<Path> entries = Files.list(corpus)) {
            return entries.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Properties expectation(Path entry) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(entry.resolve("cheat.properties"), StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** Lays an entry out as a student's repository: the base's memolab folder, then files/ over it. */
    static Path layOut(Path entry, Path classDir) throws IOException {
        String name = entry.getFileName().toString();
        Path sources = classDir.resolve(name).resolve("exercises/src/main/java");
        String base = expectation(entry).getProperty("base", "").strip();
        Path baseFolder = switch (base) {
            case "stubs" -> Submissions.STUBS;
            case "reference" -> Submissions.REFERENCE;
            default -> throw new IllegalStateException(entry + ": base must be stubs or reference, was " + base);
        };
        copyTree(baseFolder, sources.resolve("memolab"));
        if (Files.isDirectory(entry.resolve("files"))) {
            copyTree(entry.resolve("files"), sources);
        }
        // A few lines changed in a reference or corpus file: an edit, as in the bug corpus.
        try (Stream<Path> edits = Files.list(entry)) {
            for (Path edit : edits.filter(f -> f.toString().endsWith(".edit")).sorted().toList()) {
                VariantEdit.parse(edit).writeTo(sources.resolve("memolab"), Submissions.REFERENCE, Submissions.CORPUS);
            }
        }
        return classDir.resolve(name);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @BeforeAll
    @Timeout(1_200)
    void gradeTheCorpora() throws IOException {
        List<String> args = new ArrayList<>(List.of("grade", "--hidden", "--jobs", "2", "--timeout", "120"));
        out = temp.resolve("out");
        args.addAll(List.of("--out", out.toString()));
        for (String cheat : cheats()) {
            args.add(layOut(CHEATS.resolve(cheat), temp.resolve("class")).toString());
        }
        for (String style : styles()) {
            args.add(layOut(STYLES.resolve(style), temp.resolve("class")).toString());
        }
        StringWriter errText = new StringWriter();
        CommandLine cli = GraderCli.commandLine();
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(errText));
        // The suite's batch: none of these has tests of its own ("Your tests" is YourTestsTest's), so the totals are the suite's.
        int exit = Submissions.withYourTestsOff(() -> cli.execute(args.toArray(String[]::new)));
        stderr = errText.toString();
        assertThat(exit).as("the grader's exit code; stderr:%n%s", stderr).isEqualTo(GraderCli.OK);
        rows = new HashMap<>();
        this.lines = new HashMap<>();
        List<String> lines = Files.readAllLines(out.resolve("gradebook.csv"), StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo(Gradebook.header());
        for (String line : lines.subList(1, lines.size())) {
            rows.put(line.substring(0, line.indexOf(',')), line.split(",", -1));
            this.lines.put(line.substring(0, line.indexOf(',')), line);
        }
    }

    private String feedback(String student) throws IOException {
        return Files.readString(out.resolve(student).resolve("feedback.md"), StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("the class report's pass rates and failure groups agree with every student's feedback.md")
    void classReportAgreesWithTheFeedback() throws IOException {
        assertThat(ClassReportCrossCheck.check(out)).contains("pass rates");
    }

    @Test
    @DisplayName("the corpora hold the cheats and styles the integrity rules are proved on")
    void corporaAreComplete() {
        assertThat(cheats()).contains("shadow-suite-class", "shadow-given-file", "other-package-class",
                "linkedhashmap-access-order", "linkedhashset-order", "hashmap-memo", "iterative-fibonacci",
                "forged-result-lines", "reflection-reads-grader", "runtime-halt");
        assertThat(styles()).contains("no-sentinels", "newest-first-list", "assert-invariant-walk", "get-then-put-memo");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cheats")
    @DisplayName("a cheat scores no more than its limit, and its report says why")
    void cheatEarnsNothingItSkipped(String cheat) throws IOException {
        Properties expected = expectation(CHEATS.resolve(cheat));
        String[] row = rows.get(cheat);
        assertThat(row).as("gradebook row of %s; stderr:%n%s", cheat, stderr).isNotNull();
        int total = Integer.parseInt(row[2]);
        assertThat(total).as("%s (%s): total; its feedback:%n%s", cheat, expected.getProperty("base"), feedback(cheat))
                .isLessThanOrEqualTo(Integer.parseInt(expected.getProperty("max-score").strip()));
        String report = expected.getProperty("report", "").strip();
        assertThat(report).as("%s: cheat.properties names the report line it must produce", cheat).isNotEmpty();
        assertThat(feedback(cheat)).as("%s: its feedback", cheat).contains(report);
        String absent = expected.getProperty("absent", "").strip();
        if (!absent.isEmpty()) {
            assertThat(feedback(cheat) + Files.readString(out.resolve(cheat).resolve("results.json"), StandardCharsets.UTF_8))
                    .as("%s: what its student sees (feedback.md, results.json)", cheat).doesNotContain(absent);
        }
        String flag = expected.getProperty("flag", "").strip();
        if (!flag.isEmpty()) {
            assertThat(lines.get(cheat)).as("%s: its gradebook row's flags", cheat).contains(flag);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("styles")
    @DisplayName("a correct solution in another style scores 100")
    void correctStyleScoresFull(String style) throws IOException {
        String[] row = rows.get(style);
        assertThat(row).as("gradebook row of %s; stderr:%n%s", style, stderr).isNotNull();
        assertThat(row[1] + " " + row[2]).as("%s: status and total; its feedback:%n%s", style, feedback(style))
                .isEqualTo("graded 100");
    }
}
