package memolab.grader.selfcheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import memolab.grader.grading.Folders;
import memolab.grader.grading.GraderFiles;
import memolab.grader.runner.JavaSources;
import memolab.grader.runner.SuiteRunner;
import memolab.grader.score.Score;

/**
 * Builds submissions from this repository's sources and grades them with the real suite:
 * the reference, the stubs, and the variants of the corpus (each a few files that replace
 * the reference's). Public for the benchmarks ({@code grader/bench}), which grade
 * the same submissions.
 */
public final class Submissions {

    /** The module running this code (Surefire and the benchmarks run there): its {@code target} is ours to write. */
    private static final Path MODULE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    /** The repository's root: the nearest folder up from the module that holds {@code exercises} and {@code solutions}. */
    public static final Path REPO = Stream.iterate(MODULE, p -> p != null, Path::getParent)
            .filter(p -> Files.isDirectory(p.resolve("exercises")) && Files.isDirectory(p.resolve("solutions")))
            .findFirst().orElseThrow(() -> new IllegalStateException("not inside the MemoLab repository: " + MODULE));
    /** The proofs' module, which holds the corpora and the golden reports. */
    public static final Path PROOFS = REPO.resolve("grader/proofs");
    /** The grader's jar, as {@code ./mvnw package} builds it. */
    public static final Path GRADER_JAR = REPO.resolve("grader/target/memolab-grader.jar");
    /** Where a run writes its scratch files: the running module's {@code target}. */
    public static final Path SCRATCH = MODULE.resolve("target");
    public static final Path REFERENCE = REPO.resolve("solutions/src/main/java/memolab");
    public static final Path STUBS = REPO.resolve("exercises/src/main/java/memolab");
    static final Path GIVEN = REPO.resolve("exercises/src/given/java/memolab");
    public static final Path CORPUS = PROOFS.resolve("src/test/resources/corpus");
    static final Path HOSTILE = PROOFS.resolve("src/test/resources/hostile");
    private static final Path WORK = SCRATCH.resolve("selfcheck");

    private Submissions() {
    }

    /** The corpus variants' names, sorted: folders of full files, and {@code .edit} files. */
    public static List<String> corpusNames() {
        try (Stream<Path> entries = Files.list(CORPUS)) {
            return entries.map(p -> p.getFileName().toString())
                    .map(name -> name.replaceFirst("\\.edit$", ""))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Compiles a submission: the given files, then {@code base}'s files, each replaced by a
     * file of the same name in {@code overrides} (if any).
     *
     * @return the folder of the compiled classes
     */
    public static Path compile(String name, Path base, Path overrides) {
        Map<String, Path> sources = new LinkedHashMap<>();
        addJavaFiles(GIVEN, sources);
        addJavaFiles(base, sources);
        if (overrides != null) {
            addJavaFiles(overrides, sources);
        }
        Path out = WORK.resolve(name);
        try {
            Folders.deleteTree(out);
            JavaSources.Compilation compilation = JavaSources.compile(new ArrayList<>(sources.values()), out);
            if (!compilation.success()) {
                throw new IllegalStateException("submission " + name + " does not compile: " + compilation.messages());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Compiles a variant of {@code root}: a folder of full files, or an {@link VariantEdit} file. */
    public static Path compileVariant(Path root, String name) {
        return compile(name, REFERENCE, variantSources(root, name));
    }

    /** The files a variant replaces, written out where they are edits. */
    static Path variantSources(Path root, String name) {
        Path folder = root.resolve(name).resolve("memolab");
        if (Files.isDirectory(folder)) {
            return folder;
        }
        Path sources = WORK.resolve("sources").resolve(name);
        try {
            Folders.deleteTree(sources);
            VariantEdit.parse(root.resolve(name + ".edit")).writeTo(sources, REFERENCE, CORPUS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sources;
    }

    /**
     * Lays a submission out as a student's repository, {@code classDir/name/exercises/src/main/java/memolab},
     * from the reference with {@code overrides}' files replacing its own (none: the reference).
     */
    static Path materialize(Path classDir, String name, Path overrides) throws IOException {
        Path target = classDir.resolve(name).resolve("exercises/src/main/java/memolab");
        Files.createDirectories(target);
        for (Path dir : overrides == null ? List.of(REFERENCE) : List.of(REFERENCE, overrides)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.copy(file, target.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return classDir.resolve(name);
    }

    /**
     * Runs {@code action} with "Your tests" off ({@code memolab.yourTestsPoints=0}): for the
     * batches that check the suite alone, whose submissions have no tests of their own.
     * Test classes run one at a time here, so the property reaches this run only.
     */
    static <T> T withYourTestsOff(java.util.function.Supplier<T> action) {
        String before = System.getProperty(memolab.grader.grading.Rubric.PROPERTY);
        System.setProperty(memolab.grader.grading.Rubric.PROPERTY, "0");
        try {
            return action.get();
        } finally {
            if (before == null) {
                System.clearProperty(memolab.grader.grading.Rubric.PROPERTY);
            } else {
                System.setProperty(memolab.grader.grading.Rubric.PROPERTY, before);
            }
        }
    }

    /** Runs the graded suite on compiled classes. */
    static Score grade(Path classes, boolean includeHidden) {
        try {
            return Score.of(SuiteRunner.run(List.of(classes), List.of(suiteClasses()), includeHidden));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The source of a class of package {@code memolab} named {@code name}, 8 KB, that JDK 17's
     * javac compiles to 5.3 MB: 12 methods of try/finally blocks nested 10 deep, each finally block copied by the
     * compiler into every way out of its try.
     */
    static String compilerBloat(String name) {
        String body = "x++;";
        for (int depth = 0; depth < 10; depth++) {
            StringBuilder steps = new StringBuilder();
            for (int i = 0; i < 10; i++) {
                steps.append("x += ").append(i).append("; ");
            }
            body = "try { " + steps + "} finally { " + body + " }";
        }
        StringBuilder source = new StringBuilder("package memolab;\n\nfinal class " + name + " {\n");
        for (int method = 0; method < 12; method++) {
            source.append("    static int m").append(method).append("(int x) { ").append(body).append(" return x; }\n");
        }
        return source.append("}\n").toString();
    }

    /** The graded suite's classes: the suite module's folder or jar, as the grader finds it. */
    public static Path suiteClasses() {
        return GraderFiles.suiteRoot();
    }

    private static void addJavaFiles(Path dir, Map<String, Path> into) {
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> f.toString().endsWith(".java")).sorted()
                    .forEach(f -> into.put(f.getFileName().toString(), f));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
