package memolab.grader.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How large a submission's compiled classes may be: far above any solution, far below what a
 * JVM of the grader's could be made to spend its memory on. A source file of at most
 * {@link Submission#MAX_SOURCE_BYTES} can still compile to hundreds of megabytes (the compiler
 * copies a {@code finally} block into every way out of its {@code try}, so nested ones
 * multiply), and every JVM that reads the classes (the grader's own, for the safety gate; the
 * suite's; the one that measures a set of test files for every student who hands them in)
 * would hold them.
 */
public final class CompiledSize {

    /**
     * The most bytes of class files a submission's code, or its tests, may compile to: some
     * 300 times the reference's code (13,506 bytes in 5 files, JDK 17, when this limit was set;
     * {@code GradeCommandTest} checks the reference stays below a hundredth of it).
     */
    public static final long MAX_BYTES = 4L << 20;

    /** The most class files a submission's code, or its tests, may compile to. */
    public static final int MAX_FILES = 2_000;

    private CompiledSize() {
    }

    /**
     * What is too large about the class files under {@code classes}, in words for the student
     * ({@code whose}: "Your code", "Your tests"); empty when they are within both limits.
     */
    static Optional<String> tooLarge(Path classes, String whose) throws IOException {
        long bytes = 0;
        int files = 0;
        if (Files.isDirectory(classes)) {
            try (Stream<Path> walk = Files.walk(classes)) {
                for (Path file : walk.filter(f -> Files.isRegularFile(f) && f.toString().endsWith(".class")).toList()) {
                    bytes += Files.size(file);
                    files++;
                }
            }
        }
        if (bytes <= MAX_BYTES && files <= MAX_FILES) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "%s compiled to %s of class files in %,d files, more than the grader "
                + "runs: at most %s, in at most %,d files (a solution compiles to a few kilobytes). Something in it makes "
                + "the compiler write far more than the source: try/finally blocks nested in each other (the compiler "
                + "copies each finally block into every way out of its try, so nesting multiplies them), very large "
                + "constant arrays or strings, or generated classes. Your own ./mvnw test compiles it too: its "
                + "target/classes folder (target/test-classes for your tests) shows the sizes.",
                whose, Submission.megabytes(bytes), files, Submission.megabytes(MAX_BYTES), MAX_FILES));
    }
}
