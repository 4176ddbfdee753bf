package memolab.grader.selfcheck;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A corpus variant written as what it is: a bug, i.e. a few edits of a correct file. A
 * {@code .edit} file reads:
 *
 * <pre>
 * bug: get finds the entry but leaves it where it was in the recency order.
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
 * fits its base fails loudly instead of testing something else.
 */
record VariantEdit(String name, String bug, String base, Map<String, List<String[]>> replacements) {

    /** A base of this prefix is a cheat of the cheats corpus, whose files/ hold full files. */
    private static final String CHEATS = "cheats/";

    static VariantEdit parse(Path file) throws IOException {
        String name = file.getFileName().toString().replaceFirst("\\.edit$", "");
        String bug = null;
        String base = null;
        String current = null;
        Map<String, List<String[]>> replacements = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("bug: ")) {
                bug = line.substring(5);
            } else if (line.startsWith("base: ")) {
                base = line.substring(6);
            } else if (line.startsWith("file: ")) {
                current = line.substring(6);
            } else if (line.equals("<<<<<<< find")) {
                if (current == null) {
                    throw new IllegalArgumentException(file + ": a find block before any 'file:' line");
                }
                StringBuilder find = new StringBuilder();
                StringBuilder replace = new StringBuilder();
                StringBuilder into = find;
                for (i++; !lines.get(i).equals(">>>>>>> replace"); i++) {
                    if (lines.get(i).equals("=======")) {
                        into = replace;
                    } else {
                        into.append(lines.get(i)).append('\n');
                    }
                }
                replacements.computeIfAbsent(current, f -> new ArrayList<>()).add(new String[] {find.toString(), replace.toString()});
            } else if (!line.isBlank()) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": unexpected line: " + line);
            }
        }
        if (bug == null || base == null || replacements.isEmpty()) {
            throw new IllegalArgumentException(file + ": needs 'bug:', 'base:' and at least one find block");
        }
        return new VariantEdit(name, bug, base, replacements);
    }

    /** Writes the edited files into {@code dir} (as {@code dir/FileName.java}). */
    void writeTo(Path dir, Path reference, Path corpus) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, List<String[]>> entry : replacements.entrySet()) {
            Path baseFile = base.equals("reference") ? reference.resolve(entry.getKey())
                    : base.startsWith(CHEATS) ? corpus.resolveSibling("cheats").resolve(base.substring(CHEATS.length()))
                            .resolve("files").resolve("memolab").resolve(entry.getKey())
                    : corpus.resolve(base).resolve("memolab").resolve(entry.getKey());
            String text = Files.readString(baseFile);
            for (String[] edit : entry.getValue()) {
                int count = occurrences(text, edit[0]);
                if (count != 1) {
                    throw new IllegalStateException("corpus variant " + name + ": the text to find occurs " + count
                            + " times in " + baseFile + " (it must occur once):\n" + edit[0]);
                }
                text = text.replace(edit[0], edit[1]);
            }
            Files.writeString(dir.resolve(entry.getKey()), text);
        }
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
