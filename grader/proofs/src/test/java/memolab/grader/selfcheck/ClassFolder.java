package memolab.grader.selfcheck;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes the grader benchmark's classes ({@code GradingThroughput}), each submission laid out
 * as a student's repository:
 * <ul>
 * <li>{@code mixed} (the default): 44 submissions, mostly broken, which fail fast: 6 copies of
 * the reference, the stubs, the corpus variants and 9 hostile ones, none with tests of its own;</li>
 * <li>{@code deadline}: 40 submissions shaped like a class at its deadline, where most work is
 * correct and runs every test to the end: 28 correct (each of the correct-style corpus's
 * solutions twice, the rest copies of the reference), 8 with one bug each, and 4 that do not
 * get far (the stubs, a compile error, a cache that loops on every call, one that loops in one
 * edge case). Each carries tests of its own, as students leave them: the template's starter
 * test as the template has it, the tutorial's three test classes, or the reference's tests, in
 * turn, each student's copy of the last two their own (a line that names them: no two the same,
 * as no two students' own tests are).</li>
 * </ul>
 * Run with {@code -Dbasedir=<grader module>}; arguments: the folder, then the class's name.
 */
public final class ClassFolder {

    /** The correct styles' solutions. */
    private static final Path STYLES = CheatCorpusTest.STYLES;
    /** The tutorial's test classes (chapter 4's three suites). */
    private static final Path TUTORIAL_TESTS = Submissions.PROOFS.resolve("src/test/resources/your-tests/tutorial");
    /** The reference's own tests, and the template's starter test. */
    private static final Path REFERENCE_TESTS = Submissions.REPO.resolve("solutions/src/test/java/memolab");
    private static final Path STARTER_TEST = Submissions.REPO.resolve("exercises/src/test/java/memolab");

    /** The deadline class's one-bug submissions: the corpus's central bugs, and a Fibonacci still plain recursion. */
    public static final List<String> ONE_BUG = List.of("evicts-newest", "get-does-not-refresh", "off-by-one-capacity", "never-evicts",
            "put-existing-does-not-refresh", "stale-map-entry-after-eviction", "memo-bypasses-cache", "fib-plain-recursion");

    private ClassFolder() {
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]);
        String shape = args.length > 1 ? args[1] : "mixed";
        int count = switch (shape) {
            case "mixed" -> mixed(target);
            case "deadline" -> deadline(target);
            default -> throw new IllegalArgumentException("no class called " + shape + ": mixed or deadline");
        };
        System.out.println(count + " submissions in " + target);
    }

    private static int mixed(Path target) throws IOException {
        int count = 0;
        for (int i = 1; i <= 6; i++) {
            Submissions.materialize(target, "reference-" + i, null);
            count++;
        }
        Submissions.materialize(target, "stubs", Submissions.STUBS);
        count++;
        for (String name : Submissions.corpusNames()) {
            Submissions.materialize(target, name, Submissions.variantSources(Submissions.CORPUS, name));
            count++;
        }
        for (String name : List.of("infinite-loop", "system-exit", "out-of-memory", "thread-never-ends", "huge-output",
                "forged-results", "compile-error", "missing-method", "stack-overflow")) {
            Submissions.materialize(target, "hostile-" + name, Submissions.variantSources(Submissions.HOSTILE, name));
            count++;
        }
        return count;
    }

    private static int deadline(Path target) throws IOException {
        List<Path> tests = List.of(STARTER_TEST, TUTORIAL_TESTS, REFERENCE_TESTS);
        int count = 0;
        List<String> styles;
        try (Stream<Path> entries = Files.list(STYLES)) {
            styles = entries.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
        for (int copy = 1; copy <= 2; copy++) {
            for (String style : styles) {
                Path laidOut = CheatCorpusTest.layOut(STYLES.resolve(style), target.resolve(".styles"));
                Path submission = Files.move(laidOut, target.resolve("correct-" + style + "-" + copy));
                withTests(submission, tests.get(count++ % tests.size()));
            }
        }
        Files.delete(target.resolve(".styles"));
        for (int i = 1; count < 28; i++) {
            withTests(Submissions.materialize(target, "correct-reference-" + i, null), tests.get(count++ % tests.size()));
        }
        for (String bug : ONE_BUG) {
            withTests(Submissions.materialize(target, "bug-" + bug, Submissions.variantSources(Submissions.CORPUS, bug)),
                    STARTER_TEST);
            count++;
        }
        withTests(Submissions.materialize(target, "stubs", Submissions.STUBS), STARTER_TEST);
        for (String hostile : List.of("compile-error", "infinite-loop")) {
            withTests(Submissions.materialize(target, "broken-" + hostile, Submissions.variantSources(Submissions.HOSTILE, hostile)),
                    STARTER_TEST);
        }
        withTests(Submissions.materialize(target, "broken-remove-last-loops",
                Submissions.variantSources(Submissions.CORPUS, "remove-last-loops")), STARTER_TEST);
        return count + 4;
    }

    /**
     * Puts the Java files of {@code tests} in the submission's {@code exercises/src/test/java/memolab}:
     * the starter test as it is, other tests as this student's own copy (a last line naming them).
     */
    private static void withTests(Path submission, Path tests) throws IOException {
        Path into = Files.createDirectories(submission.resolve("exercises/src/test/java/memolab"));
        try (Stream<Path> files = Files.list(tests)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path copy = Files.copy(file, into.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                if (!tests.equals(STARTER_TEST)) {
                    Files.writeString(copy, "// " + submission.getFileName() + "'s copy\n",
                            java.nio.charset.StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
                }
            }
        }
    }
}
