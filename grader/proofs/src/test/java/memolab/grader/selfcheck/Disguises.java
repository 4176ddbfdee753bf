package memolab.grader.selfcheck;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ways a student disguises a copy of the reference's {@code LruCache.java}, each a
 * transformation of its files (name to text), so that the similarity report is calibrated on
 * copies made the way copiers make them: each transformation alone, then all of them at once.
 * They rely on the reference's layout (four-space indents, one member after another); the
 * calibration compiles each disguise before it compares it, so a change of layout that breaks
 * one stops the docs check instead of skewing its table.
 */
public final class Disguises {

    /** A disguise's name, what it does in words, and the transformation. */
    public record Disguise(String name, String description, UnaryOperator<Map<String, String>> transform) {
    }

    private static final String CACHE = "LruCache.java";

    /** Private names a copier renames (the contract's public names must stay). */
    private static final Map<String, String> RENAMES = renames();

    public static final List<Disguise> ALONE = List.of(
            new Disguise("renamed", "every private name renamed (fields, helpers, locals, the node class)", Disguises::rename),
            new Disguise("reordered", "the methods in reverse order", files -> onCache(files, Disguises::reorder)),
            new Disguise("while-loops", "each `for` loop written as a `while` loop", files -> onCache(files, Disguises::forToWhile)),
            new Disguise("dead-code", "an unused flag and an `if` on it added to every method", files -> onCache(files, Disguises::deadCode)),
            new Disguise("helper-class", "the node class moved out into a file of its own", Disguises::splitNode),
            new Disguise("no-invariant-check", "the invariant check and its `assert`s left out",
                    files -> onCache(files, Disguises::dropInvariantCheck)));

    /** All of the above, one after the other. */
    public static final Disguise COMBINED = new Disguise("all-combined", "all six at once", files -> {
        Map<String, String> result = files;
        for (String name : List.of("no-invariant-check", "reordered", "while-loops", "dead-code", "helper-class", "renamed")) {
            result = ALONE.stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow().transform().apply(result);
        }
        return result;
    });

    private Disguises() {
    }

    private static Map<String, String> renames() {
        Map<String, String> renames = new LinkedHashMap<>();
        String[] pairs = {"Node", "Link", "FULL_CHECK_LIMIT", "WALK_LIMIT", "map", "index", "head", "first", "tail", "last",
            "hits", "found", "misses", "notFound", "evictions", "dropped", "linkLast", "append", "unlink", "detach",
            "moveToBack", "touch", "evictFirst", "dropOldest", "requireKey", "checkKey", "resetList", "emptyList",
            "checkInvariants", "consistent", "eldest", "victim", "node", "entry", "cached", "known", "count", "seen"};
        for (int i = 0; i < pairs.length; i += 2) {
            renames.put(pairs[i], pairs[i + 1]);
        }
        return renames;
    }

    private static Map<String, String> onCache(Map<String, String> files, UnaryOperator<String> change) {
        Map<String, String> result = new LinkedHashMap<>(files);
        result.put(CACHE, change.apply(files.get(CACHE)));
        return result;
    }

    static Map<String, String> rename(Map<String, String> files) {
        Map<String, String> result = new LinkedHashMap<>();
        files.forEach((file, text) -> {
            String renamed = text;
            for (Map.Entry<String, String> name : RENAMES.entrySet()) {
                renamed = renamed.replaceAll("\\b" + name.getKey() + "\\b", name.getValue());
            }
            result.put(file.equals("Node.java") ? RENAMES.get("Node") + ".java" : file, renamed);
        });
        return result;
    }

    /** The class's members (each with the comments and blank lines before it), between its first line and its last brace. */
    private record Layout(List<String> head, List<List<String>> members, List<String> tail) {

        static Layout of(String text) {
            List<String> lines = text.lines().toList();
            int open = indexOf(lines, line -> line.startsWith("public final class "));
            int close = lines.size() - 1;
            while (!lines.get(close).equals("}")) {
                close--;
            }
            List<List<String>> members = new ArrayList<>();
            List<String> current = new ArrayList<>();
            int depth = 0;
            for (String line : lines.subList(open + 1, close)) {
                current.add(line);
                String code = code(line);
                depth += count(code, '{') - count(code, '}');
                boolean ends = depth == 0 && (code.strip().endsWith("}") || code.strip().endsWith(";"));
                if (ends) {
                    members.add(current);
                    current = new ArrayList<>();
                }
            }
            List<String> tail = new ArrayList<>(current);
            tail.addAll(lines.subList(close, lines.size()));
            return new Layout(lines.subList(0, open + 1), members, tail);
        }

        String text() {
            List<String> all = new ArrayList<>(head);
            members.forEach(all::addAll);
            all.addAll(tail);
            return String.join("\n", all) + "\n";
        }

        static boolean isMethod(List<String> member) {
            return member.stream().map(Disguises::code).anyMatch(line -> line.contains("(") && line.strip().endsWith("{")
                    && line.startsWith("    ") && !line.startsWith("     "));
        }
    }

    private static int indexOf(List<String> lines, java.util.function.Predicate<String> test) {
        for (int i = 0; i < lines.size(); i++) {
            if (test.test(lines.get(i))) {
                return i;
            }
        }
        throw new IllegalStateException("the reference's layout changed: no class line");
    }

    /** The line without comments and string literals (whose braces are not code). */
    private static String code(String line) {
        String stripped = line.strip();
        if (stripped.startsWith("*") || stripped.startsWith("/*")) {
            return "";
        }
        String noStrings = line.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
        int comment = noStrings.indexOf("//");
        return comment < 0 ? noStrings : noStrings.substring(0, comment);
    }

    private static int count(String text, char c) {
        return (int) text.chars().filter(ch -> ch == c).count();
    }

    static String reorder(String text) {
        Layout layout = Layout.of(text);
        List<List<String>> fields = new ArrayList<>();
        List<List<String>> methods = new ArrayList<>();
        for (List<String> member : layout.members()) {
            (Layout.isMethod(member) ? methods : fields).add(member);
        }
        List<List<String>> reordered = new ArrayList<>(fields);
        for (int i = methods.size() - 1; i >= 0; i--) {
            reordered.add(methods.get(i));
        }
        return new Layout(layout.head(), reordered, layout.tail()).text();
    }

    private static final Pattern FOR = Pattern.compile("(?m)^( +)for \\(([^;:]+); ([^;]+); ([^)]+)\\) \\{$");

    static String forToWhile(String text) {
        String result = text;
        Matcher loop = FOR.matcher(result);
        while (loop.find()) {
            String indent = loop.group(1);
            int bodyStart = loop.end();
            int close = result.indexOf("\n" + indent + "}", bodyStart);
            String body = result.substring(bodyStart, close);
            String replaced = indent + loop.group(2) + ";\n" + indent + "while (" + loop.group(3) + ") {" + body + "\n"
                    + indent + "    " + loop.group(4) + ";\n" + indent + "}";
            result = result.substring(0, loop.start()) + replaced + result.substring(close + indent.length() + 2);
            loop = FOR.matcher(result);
        }
        return result;
    }

    static String deadCode(String text) {
        Layout layout = Layout.of(text);
        List<List<String>> members = new ArrayList<>();
        int n = 0;
        for (List<String> member : layout.members()) {
            if (!Layout.isMethod(member) || member.stream().anyMatch(line -> line.contains(" class "))) {
                members.add(member);
                continue;
            }
            List<String> changed = new ArrayList<>();
            boolean added = false;
            for (String line : member) {
                changed.add(line);
                if (!added && line.startsWith("    ") && !line.startsWith("     ") && code(line).strip().endsWith("{")) {
                    changed.add("        boolean trace" + n + " = false;");
                    changed.add("        if (trace" + n + ") {");
                    changed.add("            System.out.println(\"step " + n++ + "\");");
                    changed.add("        }");
                    added = true;
                }
            }
            members.add(changed);
        }
        return new Layout(layout.head(), members, layout.tail()).text();
    }

    static Map<String, String> splitNode(Map<String, String> files) {
        Layout layout = Layout.of(files.get(CACHE));
        List<List<String>> kept = new ArrayList<>();
        List<String> node = null;
        for (List<String> member : layout.members()) {
            if (member.stream().anyMatch(line -> line.contains("private static final class Node<K, V> {"))) {
                node = member;
            } else {
                kept.add(member);
            }
        }
        if (node == null) {
            throw new IllegalStateException("the reference's layout changed: no nested Node class");
        }
        Map<String, String> result = new LinkedHashMap<>(files);
        result.put(CACHE, new Layout(layout.head(), kept, layout.tail()).text());
        StringBuilder helper = new StringBuilder("package memolab;\n");
        for (String line : node) {
            helper.append(line.startsWith("    ") ? line.substring(4) : line).append('\n');
        }
        result.put("Node.java", helper.toString().replace("private static final class Node<K, V>", "final class Node<K, V>"));
        return result;
    }

    static String dropInvariantCheck(String text) {
        Layout layout = Layout.of(text);
        List<List<String>> kept = new ArrayList<>();
        for (List<String> member : layout.members()) {
            boolean check = member.stream().map(Disguises::code)
                    .anyMatch(line -> line.contains("boolean checkInvariants()") || line.contains("FULL_CHECK_LIMIT ="));
            if (!check) {
                kept.add(member.stream().filter(line -> !line.strip().equals("assert checkInvariants();")).toList());
            }
        }
        return new Layout(layout.head(), kept, layout.tail()).text();
    }
}
