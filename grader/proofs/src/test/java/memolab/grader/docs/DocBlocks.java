package memolab.grader.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checked blocks of a Markdown page. Each is an HTML comment (invisible on GitHub) that
 * says where a block's content comes from:
 *
 * <ul>
 *   <li>{@code <!-- snippet: examples/Memoize.java#memoize -->} before a fenced code block:
 *       the block is the file's lines between {@code // snippet:memoize} and
 *       {@code // end:memoize}, de-indented (no {@code #name}: the whole file);</li>
 *   <li>{@code <!-- output: examples/CallCount.java -->}: the block is what the program
 *       prints; {@code output sample:} for programs that time things, where only the text
 *       around the numbers must match;</li>
 *   <li>{@code <!-- quote: path -->}: the block appears word for word in that file;</li>
 *   <li>{@code <!-- generated: name -->} ... {@code <!-- /generated: name -->}: the text
 *       between is made by a generator (the rubric, the bugs table, a measured summary).</li>
 * </ul>
 *
 * Paths are relative to the page's folder.
 */
final class DocBlocks {

    enum Kind { SNIPPET, OUTPUT, OUTPUT_SAMPLE, QUOTE, GENERATED }

    /**
     * One checked block.
     *
     * @param source  the path (and {@code #region}) or generator name the marker gives
     * @param content the block's current text, without the fences
     * @param start   where the replaceable content starts in the page
     * @param end     where it ends
     * @param line    the marker's line number, for messages
     */
    record Block(Kind kind, String source, String content, int start, int end, int line) {
    }

    private static final Pattern FENCED = Pattern.compile(
            "<!-- (snippet|output|output sample|quote): (\\S+) -->\\n```[a-z]*\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern GENERATED = Pattern.compile(
            "<!-- generated: ([a-z0-9-]+) -->\\n(.*?)<!-- /generated: \\1 -->", Pattern.DOTALL);

    private DocBlocks() {
    }

    static List<Block> find(String page) {
        List<Block> blocks = new ArrayList<>();
        Matcher fenced = FENCED.matcher(page);
        while (fenced.find()) {
            Kind kind = switch (fenced.group(1)) {
                case "snippet" -> Kind.SNIPPET;
                case "output" -> Kind.OUTPUT;
                case "output sample" -> Kind.OUTPUT_SAMPLE;
                default -> Kind.QUOTE;
            };
            blocks.add(new Block(kind, fenced.group(2), fenced.group(3), fenced.start(3), fenced.end(3),
                    lineOf(page, fenced.start())));
        }
        Matcher generated = GENERATED.matcher(page);
        while (generated.find()) {
            blocks.add(new Block(Kind.GENERATED, generated.group(1), generated.group(2), generated.start(2),
                    generated.end(2), lineOf(page, generated.start())));
        }
        blocks.sort(java.util.Comparator.comparingInt(Block::start));
        return blocks;
    }

    /** The page with each block's content replaced by {@code replacement.apply(block)}, back to front. */
    static String replace(String page, List<Block> blocks, java.util.function.Function<Block, String> replacement) {
        StringBuilder out = new StringBuilder(page);
        for (int i = blocks.size() - 1; i >= 0; i--) {
            Block block = blocks.get(i);
            String text = replacement.apply(block);
            out.replace(block.start(), block.end(), text.endsWith("\n") || text.isEmpty() ? text : text + "\n");
        }
        return out.toString();
    }

    /** The lines between {@code // snippet:name} and {@code // end:name}, de-indented. */
    static String region(String file, String name) {
        List<String> lines = file.lines().toList();
        int from = -1;
        for (int i = 0; i < lines.size(); i++) {
            String trimmed = lines.get(i).trim();
            if (trimmed.equals("// snippet:" + name)) {
                from = i + 1;
            } else if (trimmed.equals("// end:" + name) && from >= 0) {
                return dedent(lines.subList(from, i));
            }
        }
        throw new IllegalArgumentException("no region '// snippet:" + name + "' ... '// end:" + name + "'");
    }

    private static String dedent(List<String> lines) {
        int indent = lines.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            out.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
        }
        return out.toString();
    }

    /** Numbers (with separators) replaced by '#': a timing's text without its figures. */
    static String shape(String text) {
        // FibTiming's first line names the processor, the JVM and the system it ran on: another on every machine.
        return normalize(text).replaceAll("\\d[\\d,.]*", "#")
                .replaceAll("(?m)^on # cores \\(.*\\), [^:\n]*: ", "on # cores (a processor), a JVM, a system: ");
    }

    /** Line endings, trailing spaces and blank lines at either end removed; one final newline. */
    static String normalize(String text) {
        return text.replace("\r\n", "\n").lines().map(String::stripTrailing)
                .collect(java.util.stream.Collectors.joining("\n")).replaceAll("^\n+|\n+$", "") + "\n";
    }

    private static int lineOf(String page, int index) {
        return (int) page.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
    }
}
