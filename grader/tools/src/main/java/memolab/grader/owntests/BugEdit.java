package memolab.grader.owntests;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One bug of the corpus, written as what it is: a few edits of a correct file. A {@code .edit}
 * file reads:
 *
 * <pre>
 * bug: get finds the entry but leaves it where it was in the recency order.
 * severity: central               (central, secondary, edge, or rule: a rule broken, which tests do not judge)
 * base: correct-compact           (a corpus variant with full files, "reference", or cheats/NAME)
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
 *
 * @param name         the bug's name (its file's, without {@code .edit})
 * @param bug          what is wrong, in words a student reads
 * @param severity     how central the bug is ({@code central}, {@code secondary}, {@code edge}, {@code rule}), or "" if the file gives none
 * @param base         the variant whose files it edits
 * @param replacements per file name, its edits in order: {find, replace}
 */
public record BugEdit(String name, String bug, String severity, String base, Map<String, List<String[]>> replacements) {

    /** Reads an edit file's lines. */
    public static BugEdit parse(String name, List<String> lines) {
        String bug = null;
        String severity = "";
        String base = null;
        String current = null;
        Map<String, List<String[]>> replacements = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("bug: ")) {
                bug = line.substring(5);
            } else if (line.startsWith("severity: ")) {
                severity = line.substring(10).strip();
            } else if (line.startsWith("base: ")) {
                base = line.substring(6);
            } else if (line.startsWith("file: ")) {
                current = line.substring(6);
            } else if (line.equals("<<<<<<< find")) {
                if (current == null) {
                    throw new IllegalArgumentException(name + ".edit: a find block before any 'file:' line");
                }
                StringBuilder find = new StringBuilder();
                StringBuilder replace = new StringBuilder();
                StringBuilder into = find;
                for (i++; i < lines.size() && !lines.get(i).equals(">>>>>>> replace"); i++) {
                    if (lines.get(i).equals("=======")) {
                        into = replace;
                    } else {
                        into.append(lines.get(i)).append('\n');
                    }
                }
                replacements.computeIfAbsent(current, f -> new ArrayList<>()).add(new String[] {find.toString(), replace.toString()});
            } else if (!line.isBlank()) {
                throw new IllegalArgumentException(name + ".edit:" + (i + 1) + ": unexpected line: " + line);
            }
        }
        if (bug == null || base == null || replacements.isEmpty()) {
            throw new IllegalArgumentException(name + ".edit: needs 'bug:', 'base:' and at least one find block");
        }
        return new BugEdit(name, bug, severity, base, replacements);
    }

    /**
     * The edited files, by name, from their base files' texts ({@code baseText} gives the
     * text of a base file by its name).
     */
    public Map<String, String> apply(Function<String, String> baseText) {
        Map<String, String> edited = new LinkedHashMap<>();
        for (Map.Entry<String, List<String[]>> entry : replacements.entrySet()) {
            String text = baseText.apply(entry.getKey());
            for (String[] edit : entry.getValue()) {
                int count = occurrences(text, edit[0]);
                if (count != 1) {
                    throw new IllegalStateException("corpus variant " + name + ": the text to find occurs " + count
                            + " times in its base " + base + "/" + entry.getKey() + " (it must occur once):\n" + edit[0]);
                }
                text = text.replace(edit[0], edit[1]);
            }
            edited.put(entry.getKey(), text);
        }
        return edited;
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
