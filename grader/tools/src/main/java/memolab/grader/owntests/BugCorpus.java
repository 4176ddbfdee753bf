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
 * The bugs a student's own tests must catch, compiled once for a batch: each bug of the
 * corpus that a test can see (severity central, secondary or edge; a broken rule is the
 * rules' business), laid over the reference as the corpus builds it; and the correct caches
 * the bugs are edits of (the reference, and {@code correct-compact}), which a sound test
 * passes on. A test can thus catch a bug only by what the bug changes: one that tells its
 * base apart from the other correct cache (a toString, a message) fails on a correct cache.
 * All are compiled without debug information, so a stack trace through them shows no line
 * numbers to tell a bug by.
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

    /**
     * Compiles the corpus into {@code work}.
     *
     * @param givenSources the given files every submission compiles with
     * @throws IllegalStateException when this grader has no corpus (the visible jar) or a bug does not compile
     */
    public static BugCorpus prepare(Path work, List<Path> givenSources) throws IOException {
        if (!GraderFiles.hasBugCorpus()) {
            throw new IllegalStateException("this grader carries no bug corpus, which \"Your tests\" needs: run the full "
                    + "grader (grader/target/memolab-grader.jar), not the visible one");
        }
        Path root = work.toAbsolutePath(); // the tests' JVM runs in a folder of its own, and finds the caches by these paths
        Path files = root.resolve("files");
        Folders.deleteTree(files);
        GraderFiles.copyBugCorpus(files);
        Path referenceSources = files.resolve("reference/memolab");
        Path reference = compile(root.resolve("reference"), readFolder(referenceSources), givenSources);
        Map<String, String> compact = readFolder(referenceSources);
        compact.putAll(readFolder(files.resolve("corpus/correct-compact/memolab")));
        Path correctCompact = compile(root.resolve("correct-compact"), compact, givenSources);
        List<Bug> bugs = new ArrayList<>();
        List<Path> edits;
        try (Stream<Path> list = Files.list(files.resolve("corpus"))) {
            edits = list.filter(f -> f.getFileName().toString().endsWith(".edit")).sorted().toList();
        }
        for (Path file : edits) {
            BugEdit edit = BugEdit.parse(file.getFileName().toString().replaceFirst("\\.edit$", ""),
                    Files.readAllLines(file, StandardCharsets.UTF_8));
            Severity severity = switch (edit.severity()) {
                case "central" -> Severity.CENTRAL;
                case "secondary" -> Severity.SECONDARY;
                case "edge" -> Severity.EDGE;
                default -> null; // a rule broken: the rules' tests judge it, not a behaviour test
            };
            if (severity == null) {
                continue;
            }
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
            bugs.add(new Bug(edit.name(), edit.bug(), severity, compile(root.resolve("bugs").resolve(edit.name()), sources, givenSources)));
        }
        Folders.deleteTree(files); // compiled: the sources (the reference's among them) stay out of the tests' reach
        List<Path> correct = List.of(reference, correctCompact);
        assert correct.size() == CORRECT_CACHES;
        return new BugCorpus(correct, List.copyOf(bugs));
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

    private static Path compile(Path folder, Map<String, String> sources, List<Path> givenSources) throws IOException {
        Path src = folder.resolve("src/memolab");
        Path classes = folder.resolve("classes");
        Folders.deleteTree(folder);
        Files.createDirectories(src);
        List<Path> files = new ArrayList<>(givenSources);
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey());
            Files.writeString(file, source.getValue(), StandardCharsets.UTF_8);
            files.add(file);
        }
        JavaSources.Compilation compilation = JavaSources.compile(files, classes, List.of(), false);
        if (!compilation.success()) {
            throw new IllegalStateException("the bug corpus's " + folder.getFileName() + " does not compile: " + compilation.messages());
        }
        Folders.deleteTree(folder.resolve("src"));
        return classes;
    }
}
