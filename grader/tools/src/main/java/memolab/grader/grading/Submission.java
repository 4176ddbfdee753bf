package memolab.grader.grading;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import memolab.grader.rules.ExerciseRules;
import memolab.grader.score.PlainText;

/**
 * A student's submission as found on disk: the Java sources of package {@code memolab}
 * (the folder {@code memolab/} directly under {@code exercises/src/main/java}, each file
 * declaring {@code package memolab;}) and nothing else. A file in any other folder or
 * package is left out and named in the report, so that no submission can bring a class of
 * the suite, the grader or a library of its own. The student's copies of the tests, the
 * poms, the workflows and the given files are never used: the grader brings its own.
 *
 * @param student the submission's name
 * @param root    the folder given on the command line
 * @param sources the Java files to compile
 * @param notes   files left out, and why (for the report)
 * @param flags   what the instructor should see in the gradebook: files left out for being
 *                outside package {@code memolab}, links, folders that could not be read
 */
public record Submission(String student, Path root, List<Path> sources, List<String> notes, List<String> flags) {

    /** The files given complete; a student's copy of them is left out. */
    static final Set<String> GIVEN_FILES = Set.of("CacheStats.java", "NaiveFibonacci.java");

    /**
     * Finds a submission's sources.
     *
     * @param path a student's repository, or its {@code exercises} folder
     * @throws InvalidSubmissionException with a message for the student when there is nothing to grade
     */
    public static Submission locate(Path path) throws IOException, InvalidSubmissionException {
        Path root = path.toAbsolutePath().normalize();
        String student = nameOf(path);
        if (!Files.isDirectory(root)) {
            throw new InvalidSubmissionException(student, "no such folder: " + PlainText.inlineCode(path.toString()), List.of(), List.of());
        }
        Layout layout = Layout.of(root, student, path);
        Path sourcesRoot = layout.sourcesRoot();
        SourceWalk walk = SourceWalk.of(root, sourcesRoot);
        List<Path> sources = new ArrayList<>();
        List<String> notes = new ArrayList<>(layout.notes());
        notes.addAll(walk.notes());
        List<String> leftOut = new ArrayList<>();
        List<String> tooLarge = new ArrayList<>();
        for (Path file : walk.javaFiles()) {
            String shown = PlainText.inlineCode(sourcesRoot.relativize(file).toString().replace('\\', '/'));
            if (!layout.holds(file)) {
                leftOut.add(shown);
            } else if (!memolab.grader.runner.JavaSources.isCompilableFileName(file.getFileName().toString())) {
                leftOut.add(shown + " (" + memolab.grader.runner.JavaSources.NOT_COMPILABLE_NAME + ")");
            } else if (GIVEN_FILES.contains(file.getFileName().toString())) {
                notes.add(shown + " is a file given complete; the grader used its original copy instead.");
            } else if (Files.size(file) > MAX_SOURCE_BYTES) {
                tooLarge.add(shown + " (" + megabytes(Files.size(file)) + ")");
            } else {
                String text = utf8(file).orElseThrow(() -> new InvalidSubmissionException(student, shown
                        + " is not valid UTF-8 text. Save it as UTF-8 (most editors have an 'encoding' setting) "
                        + "and submit again.", notes, walk.flags()));
                String declared = JavaPackage.of(withoutByteOrderMark(text));
                if (declared.equals(ExerciseRules.STUDENT_PACKAGE)) {
                    sources.add(file);
                } else {
                    leftOut.add(shown + " (its package line says "
                            + (declared.isEmpty() ? "nothing (the unnamed package)" : PlainText.inlineCode(declared)) + ")");
                }
            }
        }
        if (!leftOut.isEmpty()) {
            notes.add("LEFT OUT: only the files of package memolab (the folder memolab/ directly under src/main/java, "
                    + "each starting with \"package memolab;\") are graded. These were not compiled: "
                    + String.join(", ", leftOut) + ". Move helper classes into memolab/ with that package line.");
        }
        List<String> flags = new ArrayList<>(walk.flags());
        if (!tooLarge.isEmpty()) {
            // Read by nobody: a file this large is no solution, and the compiler could spend the grader's memory on it.
            throw new InvalidSubmissionException(student, "NOT COMPILED: " + String.join(", ", tooLarge) + " "
                    + (tooLarge.size() == 1 ? "is" : "are") + " larger than the " + megabytes(MAX_SOURCE_BYTES)
                    + " the grader compiles per source file (the whole reference solution is about 10 KB). Remove what "
                    + "makes it so large (generated code, pasted data) and submit again.", notes, flags).notCompiled();
        }
        if (sources.isEmpty()) {
            throw new InvalidSubmissionException(student, "no Java sources of package memolab in " + PlainText.inlineCode(sourcesRoot.toString())
                    + (leftOut.isEmpty() ? "" : " (left out: " + String.join(", ", leftOut) + ")"), notes, flags);
        }
        if (!leftOut.isEmpty()) {
            flags.add("left out " + leftOut.size() + " file(s) outside package memolab");
        }
        return new Submission(student, root, sources, notes, flags);
    }

    /** Whether a file's name is a test class's: {@code LruCacheTest.java}. */
    public static boolean isTestFile(String name) {
        return name.endsWith("Test.java");
    }

    /** The largest source file the grader reads and compiles: far above any solution, far below what could tire the compiler. */
    public static final long MAX_SOURCE_BYTES = 1L << 20;

    /** A size as "1.5 MB", or "512 KB" below a megabyte. */
    static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, bytes >= 1L << 20 ? "%.1f MB" : "%.0f KB",
                bytes >= 1L << 20 ? bytes / (double) (1L << 20) : bytes / 1024.0);
    }

    /** Whether a file sits directly in the student's package folder, {@code memolab/}. */
    /**
     * Where a submission's sources are: the folder walked for Java files (and shown in
     * messages), and the student's folders in it, whose files are graded.
     *
     * <p>A student repository has {@code exercises/src/main/java/memolab}. Failing that, the
     * grader looks inside: a repository one or two folders down (a zip of the repository,
     * which Gradescope unpacks with its top folder), or the files alone, wherever they are
     * (an upload of {@code LruCache.java} and {@code Fibonacci.java}). More than one
     * candidate is an error that lists them.
     */
    record Layout(Path sourcesRoot, List<Path> studentFolders, List<String> notes) {

        /** Folders never searched: builds, version control, an archiver's metadata. */
        private static final Set<String> SKIPPED = Set.of("target", ".git", "__MACOSX", "node_modules", ".idea");

        static Layout of(Path root, String student, Path given) throws IOException, InvalidSubmissionException {
            for (Path sourcesRoot : List.of(root.resolve("exercises/src/main/java"), root.resolve("src/main/java"))) {
                if (Files.isDirectory(sourcesRoot)) {
                    return new Layout(sourcesRoot, List.of(sourcesRoot.resolve(ExerciseRules.STUDENT_PACKAGE)), List.of());
                }
            }
            List<Path> repositories = new ArrayList<>();
            List<Path> caches = new ArrayList<>();
            List<Path> memoizers = new ArrayList<>();
            Files.walkFileTree(root, Set.of(), 8, new java.nio.file.SimpleFileVisitor<>() {
                @Override
                public java.nio.file.FileVisitResult preVisitDirectory(Path dir, java.nio.file.attribute.BasicFileAttributes attrs) {
                    if (!dir.equals(root) && SKIPPED.contains(dir.getFileName().toString())) {
                        return java.nio.file.FileVisitResult.SKIP_SUBTREE;
                    }
                    if (dir.endsWith(Path.of("exercises", "src", "main", "java"))) {
                        repositories.add(dir);
                        return java.nio.file.FileVisitResult.SKIP_SUBTREE;
                    }
                    return java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes attrs) {
                    String name = file.getFileName().toString();
                    if (name.equals("LruCache.java")) {
                        caches.add(file);
                    } else if (name.equals("Fibonacci.java")) {
                        memoizers.add(file);
                    }
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
            });
            if (repositories.size() == 1) {
                Path sourcesRoot = repositories.get(0);
                return new Layout(sourcesRoot, List.of(sourcesRoot.resolve(ExerciseRules.STUDENT_PACKAGE)),
                        List.of("Graded the repository in " + shown(root, sourcesRoot.getParent().getParent().getParent().getParent())
                                + " (the submission holds it one folder down or more)."));
            }
            if (repositories.size() > 1) {
                throw new InvalidSubmissionException(student, "the submission holds " + repositories.size()
                        + " MemoLab repositories (" + list(root, repositories) + "): submit one.", List.of(), List.of());
            }
            if (caches.size() > 1 || memoizers.size() > 1) {
                throw new InvalidSubmissionException(student, "the submission holds more than one "
                        + (caches.size() > 1 ? "LruCache.java (" + list(root, caches) + ")" : "Fibonacci.java ("
                        + list(root, memoizers) + ")") + ", and the grader cannot tell which is yours: submit one of each.", List.of(),
                        List.of());
            }
            if (caches.isEmpty() && memoizers.isEmpty()) {
                throw new InvalidSubmissionException(student, "no LruCache.java or Fibonacci.java in " + PlainText.inlineCode(String.valueOf(given)) + ": "
                        + "submit your repository, or the files of exercises/src/main/java/memolab (LruCache.java, "
                        + "Fibonacci.java and any helper classes).", List.of(), List.of());
            }
            List<Path> folders = Stream.concat(caches.stream(), memoizers.stream()).map(Path::getParent).distinct().toList();
            return new Layout(root, folders, List.of("Graded the files uploaded in " + list(root, folders)
                    + " (not a whole repository: only the Java files beside LruCache.java and Fibonacci.java)."));
        }

        /**
         * Whether {@code file} is one of the student's, to be graded (not a module or package
         * description). Among files uploaded alone, a {@code *Test.java} is one of the student's
         * own tests ("Your tests"), never code to compile with the rest.
         */
        boolean holds(Path file) {
            String name = file.getFileName().toString();
            return studentFolders.contains(file.getParent()) && !name.equals("package-info.java")
                    && !name.equals("module-info.java") && !(isLoose() && isTestFile(name));
        }

        /** Whether these are files uploaded alone rather than a repository's {@code src/main/java}. */
        boolean isLoose() {
            return !sourcesRoot.endsWith(Path.of("src", "main", "java"));
        }

        private static String list(Path root, List<Path> paths) {
            return paths.stream().map(p -> shown(root, p)).sorted().collect(java.util.stream.Collectors.joining(", "));
        }

        private static String shown(Path root, Path path) {
            String relative = root.relativize(path).toString().replace('\\', '/');
            return relative.isEmpty() ? "the top folder" : PlainText.inlineCode(relative);
        }
    }

    /**
     * A source's text as the compiler should read it: without a leading byte-order mark, which
     * some editors write and javac rejects as an illegal character.
     */
    public static String withoutByteOrderMark(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * The student's name: the folder's name, or its parent's when the folder is a student
     * repository's {@code exercises} folder (in this course repository, which has
     * {@code solutions/} beside it, it stays "exercises").
     */
    public static String nameOf(Path path) {
        Path repository = repositoryOf(path);
        return repository.getFileName() == null ? repository.toString() : repository.getFileName().toString();
    }

    /**
     * The folder a path given on the command line stands for: the path itself, or its parent
     * when it is a student repository's {@code exercises} folder (not this course repository's,
     * which has {@code solutions/} beside it).
     */
    public static Path repositoryOf(Path path) {
        Path root = path.toAbsolutePath().normalize();
        Path parent = root.getParent();
        boolean exercisesOfAStudent = root.getFileName() != null && root.getFileName().toString().equals("exercises")
                && parent != null && parent.getFileName() != null && !Files.isDirectory(parent.resolve("solutions"));
        return exercisesOfAStudent ? parent : root;
    }

    /** A folder name for the student's files, safe on any file system. */
    public static String folderName(String student) {
        return student.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** The file's text, if it is valid UTF-8. */
    private static Optional<String> utf8(Path file) throws IOException {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** There is nothing to grade; the message says why, for the student. */
    public static final class InvalidSubmissionException extends Exception {
        private static final long serialVersionUID = 1L;
        final String student;
        final List<String> notes;
        final List<String> flags;

        InvalidSubmissionException(String student, String message, List<String> notes, List<String> flags) {
            super(message);
            this.student = student;
            this.notes = List.copyOf(notes);
            this.flags = List.copyOf(flags);
        }

        private boolean notCompiled;

        /** The sources were found but are not fit to compile (too large): a compile error, not nothing to grade. */
        private InvalidSubmissionException notCompiled() {
            notCompiled = true;
            return this;
        }

        /** Whether the sources were found but not fit to compile. */
        public boolean isNotCompiled() {
            return notCompiled;
        }

        /** What else was found on the way (links, folders that could not be read), for the report. */
        public List<String> notes() {
            return notes;
        }

        /** The gradebook's flags for what was found on the way. */
        public List<String> flags() {
            return flags;
        }
    }
}
