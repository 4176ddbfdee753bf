package memolab.grader.owntests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import memolab.grader.grading.Folders;
import memolab.grader.grading.GraderFiles;
import memolab.grader.runner.JavaSources;

/**
 * The bugs a student's own tests must catch: each bug of the corpus that a test can see
 * (severity central, secondary or edge; a broken rule is the rules' business), laid over the
 * reference as the corpus builds it; and the correct caches the bugs are edits of (the
 * reference, and {@code correct-compact}), which a sound test passes on. A test can thus catch
 * a bug only by what the bug changes: one that tells its base apart from the other correct
 * cache (a toString, a message) fails on a correct cache. All are compiled without debug
 * information, so a stack trace through them shows no line numbers to tell a bug by.
 *
 * <p>The grader's build compiles them ({@link #main}, with the given files the grader
 * compiles every submission with), into the full jar, beside the corpus's sources; a batch
 * copies the classes out ({@link #prepare}), rather than compiling them again each time
 * (2.6 s of a single push graded on a platform, on a 2-core machine).
 *
 * @param correct the correct caches' classes (with the given files): the reference first
 * @param bugs    the bugs, by name, in name order
 */
public record BugCorpus(List<Path> correct, List<Bug> bugs) {

    /** How many correct caches a student's tests run on: the reference, and {@code correct-compact}. */
    public static final int CORRECT_CACHES = 2;

    /** How much catching a bug weighs, by its severity. */
    public enum Severity {
        CENTRAL(3), SECONDARY(2), EDGE(1);

        public final int weight;

        Severity(int weight) {
            this.weight = weight;
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One bug, compiled.
     *
     * @param name     its name in the corpus
     * @param words    what is wrong, for a student ("get finds the entry but leaves it where it was ...")
     * @param severity how central it is
     * @param classes  its classes (with the given files)
     */
    public record Bug(String name, String words, Severity severity, Path classes) {
    }

    /** The sum of every bug's weight. */
    public int totalWeight() {
        return bugs.stream().mapToInt(b -> b.severity().weight).sum();
    }

    /** Where the grader's build puts the compiled corpus, under the corpus's own folder in the jar. */
    static final String COMPILED = "compiled";

    /**
     * Copies the corpus, compiled when the grader was built, into {@code work}: the correct
     * caches' classes and each bug's, with what the feedback says of each bug.
     *
     * @throws IllegalStateException when this grader has no corpus (the visible jar), or a
     *                               build that did not compile it
     */
    public static BugCorpus prepare(Path work) throws IOException {
        if (!GraderFiles.hasBugCorpus()) {
            throw new IllegalStateException("this grader carries no bug corpus, which \"Your tests\" needs: run the full "
                    + "grader (grader/target/memolab-grader.jar), not the visible one");
        }
        Path root = work.toAbsolutePath(); // the tests' JVM runs in a folder of its own, and finds the caches by these paths
        Folders.deleteTree(root);
        Path files = root.resolve("files");
        GraderFiles.copyBugCorpus(files);
        Path compiled = files.resolve(COMPILED);
        Path reference = movedOut(compiled.resolve("reference"), root.resolve("reference"));
        Path correctCompact = movedOut(compiled.resolve("correct-compact"), root.resolve("correct-compact"));
        List<Bug> bugs = new ArrayList<>();
        for (Edit edit : visibleEdits(files)) {
            bugs.add(new Bug(edit.edit().name(), edit.edit().bug(), edit.severity(),
                    movedOut(compiled.resolve("bugs").resolve(edit.edit().name()), root.resolve("bugs").resolve(edit.edit().name()))));
        }
        Folders.deleteTree(files); // the sources (the reference's among them) stay out of the tests' reach
        List<Path> correct = List.of(reference, correctCompact);
        assert correct.size() == CORRECT_CACHES;
        return new BugCorpus(correct, List.copyOf(bugs));
    }

    /** The classes at {@code from}, moved to {@code to}; a corpus whose build did not compile them says so. */
    private static Path movedOut(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from.resolve("memolab"))) {
            throw new IllegalStateException("this grader's bug corpus was not compiled when the grader was built (no "
                    + from.getFileName() + " under memolab/grader/bugs/" + COMPILED + "): build the grader again with "
                    + "./mvnw -B package");
        }
        Files.createDirectories(to.getParent());
        Files.move(from, to);
        return to;
    }

    /** A bug's edit, with the severity of a bug a test can see. */
    private record Edit(BugEdit edit, Severity severity) {
    }

    /** The corpus's edits whose bug a test can see (not a rule broken), in name order, from its sources at {@code files}. */
    private static List<Edit> visibleEdits(Path files) throws IOException {
        List<Path> found;
        try (Stream<Path> list = Files.list(files.resolve("corpus"))) {
            found = list.filter(f -> f.getFileName().toString().endsWith(".edit")).sorted().toList();
        }
        List<Edit> edits = new ArrayList<>();
        for (Path file : found) {
            BugEdit edit = BugEdit.parse(file.getFileName().toString().replaceFirst("\\.edit$", ""),
                    Files.readAllLines(file, StandardCharsets.UTF_8));
            Severity severity = switch (edit.severity()) {
                case "central" -> Severity.CENTRAL;
                case "secondary" -> Severity.SECONDARY;
                case "edge" -> Severity.EDGE;
                default -> null; // a rule broken: the rules' tests judge it, not a behaviour test
            };
            if (severity != null) {
                edits.add(new Edit(edit, severity));
            }
        }
        return edits;
    }

    /**
     * The grader's build ({@code process-classes}): compiles the corpus on this class path
     * (the corpus's sources and the given files, as resources) into
     * {@code <args[0]>/memolab/grader/bugs/compiled}: {@code reference}, {@code correct-compact}
     * and {@code bugs/<name>}, each a folder of {@code memolab/*.class}. A bug that does not
     * compile fails the build.
     */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]).resolve(GraderFiles.BUGS).resolve(COMPILED).toAbsolutePath();
        Folders.deleteTree(out);
        Path scratch = Files.createTempDirectory("memolab-bug-corpus");
        try {
            Path files = scratch.resolve("files");
            GraderFiles.copyBugCorpus(files); // its sources only: an earlier build's classes went with out, above
            Path given = scratch.resolve("given");
            GraderFiles.copyGiven(given);
            List<Path> givenSources;
            try (Stream<Path> walk = Files.walk(given)) {
                givenSources = walk.filter(f -> f.toString().endsWith(".java")).sorted().toList();
            }
            Path referenceSources = files.resolve("reference/memolab");
            compile(out.resolve("reference"), scratch.resolve("src"), readFolder(referenceSources), givenSources);
            Map<String, String> compact = readFolder(referenceSources);
            compact.putAll(readFolder(files.resolve("corpus/correct-compact/memolab")));
            compile(out.resolve("correct-compact"), scratch.resolve("src"), compact, givenSources);
            List<Edit> edits = visibleEdits(files);
            for (Edit visible : edits) {
                BugEdit edit = visible.edit();
                Path baseFolder = edit.base().equals("reference") ? referenceSources
                        : files.resolve("corpus").resolve(edit.base()).resolve("memolab");
                Map<String, String> sources = readFolder(referenceSources);
                sources.putAll(edit.apply(name -> {
                    try {
                        return Files.readString(baseFolder.resolve(name), StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        throw new UncheckedIOException("corpus bug " + edit.name() + ": no base file " + name, e);
                    }
                }));
                compile(out.resolve("bugs").resolve(edit.name()), scratch.resolve("src"), sources, givenSources);
            }
            System.out.printf(Locale.ROOT, "Compiled the bug corpus (%d bugs and 2 correct caches) into %s%n", edits.size(), out);
        } finally {
            Folders.deleteTree(scratch);
        }
    }

    private static Map<String, String> readFolder(Path folder) throws IOException {
        Map<String, String> texts = new LinkedHashMap<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path file : list.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                texts.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return texts;
    }

    /** Compiles {@code sources} (by file name) with the given files into {@code classes}, by way of {@code scratch}. */
    private static void compile(Path classes, Path scratch, Map<String, String> sources, List<Path> givenSources)
            throws IOException {
        Path src = scratch.resolve("memolab");
        Folders.deleteTree(scratch);
        Files.createDirectories(src);
        List<Path> files = new ArrayList<>(givenSources);
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey());
            Files.writeString(file, source.getValue(), StandardCharsets.UTF_8);
            files.add(file);
        }
        JavaSources.Compilation compilation = JavaSources.compile(files, classes, List.of(), false);
        if (!compilation.success()) {
            throw new IllegalStateException("the bug corpus's " + classes.getFileName() + " does not compile: "
                    + compilation.messages());
        }
        Folders.deleteTree(scratch);
    }
}
