package memolab.grader.selfcheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import memolab.grader.owntests.BugEdit;

/**
 * A corpus variant written as what it is: a bug, i.e. a few edits of a correct file. A
 * {@code .edit} file reads:
 *
 * <pre>
 * bug: get finds the entry but leaves it where it was in the recency order.
 * severity: central
 * base: correct-compact          (a corpus variant with full files, "reference", or cheats/NAME: a cheat's files/)
 * file: LruCache.java
 * &lt;&lt;&lt;&lt;&lt;&lt;&lt; find
 *         unlink(node);
 *         linkLast(node);
 * =======
 * &gt;&gt;&gt;&gt;&gt;&gt;&gt; replace
 * </pre>
 *
 * <p>Each text to find must occur exactly once in its base file, so an edit that no longer
 * fits its base fails loudly instead of testing something else. The format is the grader's
 * ({@link BugEdit}): final grading runs the student's own tests on these bugs.
 */
record VariantEdit(BugEdit edit) {

    /** A base of this prefix is a cheat of the cheats corpus, whose files/ hold full files. */
    private static final String CHEATS = "cheats/";

    static VariantEdit parse(Path file) throws IOException {
        return new VariantEdit(BugEdit.parse(file.getFileName().toString().replaceFirst("\\.edit$", ""), Files.readAllLines(file)));
    }

    String bug() {
        return edit.bug();
    }

    /** Writes the edited files into {@code dir} (as {@code dir/FileName.java}). */
    void writeTo(Path dir, Path reference, Path corpus) throws IOException {
        Files.createDirectories(dir);
        String base = edit.base();
        Path baseFolder = base.equals("reference") ? reference
                : base.startsWith(CHEATS) ? corpus.resolveSibling("cheats").resolve(base.substring(CHEATS.length()))
                        .resolve("files").resolve("memolab")
                        : corpus.resolve(base).resolve("memolab");
        Map<String, String> edited;
        try {
            edited = edit.apply(file -> {
                try {
                    return Files.readString(baseFolder.resolve(file));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        for (Map.Entry<String, String> file : edited.entrySet()) {
            Files.writeString(dir.resolve(file.getKey()), file.getValue());
        }
    }
}
