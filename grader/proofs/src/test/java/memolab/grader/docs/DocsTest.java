package memolab.grader.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import memolab.grader.Category;
import memolab.grader.selfcheck.Submissions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The tutorial in {@code docs/} says only what the repository does: every example runs and
 * prints what the pages show, every snippet is the code of its file, every generated table
 * is up to date, every link leads somewhere. {@code -Dmemolab.updateDocs=true} rewrites the
 * checked blocks from their sources instead (then review the diff).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 10, unit = TimeUnit.MINUTES) // the examples time naive recursions: longer than the suite's 10 s default
@DisplayName("The docs tutorial")
class DocsTest {

    private static final Path REPO = Submissions.REPO;
    private static final Path DOCS = REPO.resolve("docs");
    private static final Path EXAMPLES = DOCS.resolve("examples");
    private static final boolean UPDATE = Boolean.getBoolean("memolab.updateDocs");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern EXAMPLE_COMMAND = Pattern.compile("java docs/examples/([A-Za-z]+\\.java)");

    /** The pages checked: the tutorial and the README, which shares the rubric. */
    private final Map<Path, String> pages = new LinkedHashMap<>();
    /** Each example's output, run once. */
    private final Map<String, String> outputs = new LinkedHashMap<>();

    @BeforeAll
    void readPages() throws IOException {
        try (Stream<Path> files = Files.list(DOCS)) {
            for (Path page : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                pages.put(page, Files.readString(page, StandardCharsets.UTF_8));
            }
        }
        pages.put(REPO.resolve("README.md"), Files.readString(REPO.resolve("README.md"), StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("every example in docs/examples runs with 'java docs/examples/<name>.java' and exits 0")
    void everyExampleRuns() throws Exception {
        for (Path example : examples()) {
            output(example.getFileName().toString());
        }
    }

    @Test
    @DisplayName("every snippet, output, quote and generated table shows what its source says now")
    void blocksMatchTheirSources() throws Exception {
        List<String> stale = new ArrayList<>();
        // Updating takes two passes: a generated table may quote an example's output on the same page.
        for (int pass = 0; pass < (UPDATE ? 2 : 1); pass++) {
            stale.clear();
            checkBlocks(stale);
            if (UPDATE) {
                readPages();
            }
        }
        if (!UPDATE) {
            assertThat(stale).as("blocks in the docs that no longer match their sources; rewrite them with "
                    + "./mvnw -B test -pl grader/proofs -am -Dtest=DocsTest -Dmemolab.updateDocs=true "
                    + "and review the diff").isEmpty();
        }
    }

    private void checkBlocks(List<String> stale) throws Exception {
        for (Map.Entry<Path, String> page : pages.entrySet()) {
            Path file = page.getKey();
            List<DocBlocks.Block> blocks = DocBlocks.find(page.getValue());
            long markers = Pattern.compile("<!-- (generated|snippet|output|output sample|quote): ")
                    .matcher(page.getValue()).results().count();
            assertThat(blocks).as("%s: every block marker opens a block the checks can read (a name of lower-case "
                    + "letters, digits and '-'; the closing marker or the code fence right after it)", file).hasSize((int) markers);
            Map<DocBlocks.Block, String> expected = new LinkedHashMap<>();
            for (DocBlocks.Block block : blocks) {
                String want = expected(file, block);
                expected.put(block, want);
                boolean same = block.kind() == DocBlocks.Kind.OUTPUT_SAMPLE
                        ? DocBlocks.shape(block.content()).equals(DocBlocks.shape(want))
                        : block.kind() == DocBlocks.Kind.QUOTE
                        ? DocBlocks.normalize(want).contains(DocBlocks.normalize(block.content()))
                        : DocBlocks.normalize(block.content()).equals(DocBlocks.normalize(want));
                if (!same) {
                    stale.add(String.format(Locale.ROOT, "%s:%d, %s %s, should be:%n%s", REPO.relativize(file),
                            block.line(), block.kind().name().toLowerCase(Locale.ROOT), block.source(), want));
                }
            }
            if (UPDATE && !blocks.isEmpty()) {
                String updated = DocBlocks.replace(page.getValue(), blocks, block ->
                        block.kind() == DocBlocks.Kind.QUOTE ? block.content()
                                : DocBlocks.normalize(expected.get(block)));
                Files.writeString(file, updated, StandardCharsets.UTF_8);
            }
        }
    }

    @Test
    @DisplayName("the plot is what the measurement the repository holds draws, in the chapter's terms, its words as text")
    void plotIsFresh() throws IOException {
        Path svgFile = REPO.resolve(FibTimingChart.SVG);
        FibTimingChart.Data data = FibTimingChart.read(REPO);
        String drawn = FibTimingChart.render(data, FibTimingChart.dataFingerprint(REPO));
        if (UPDATE) {
            Files.writeString(svgFile, drawn, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(svgFile, StandardCharsets.UTF_8))
                .as("%s should be what %s draws; draw it again with -Dmemolab.updateDocs=true (DocsTest), or measure "
                        + "again with ./mvnw -B -Pbench verify -Dbench=plot", FibTimingChart.SVG, FibTimingChart.CSV)
                .isEqualTo(drawn);
        assertThat(data.points()).extracting(FibTimingChart.Point::n).as("the plot's n")
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(20, 40).boxed().toList());
        assertThat(drawn).as("the legend, in chapter 1's terms: the chapter comes before LruCache")
                .contains(">" + FibTimingChart.NAIVE + "<", ">" + FibTimingChart.MEMO + "<").doesNotContain("LruCache");
        assertThat(drawn).as("every axis number and label is text, not a drawn shape")
                .contains(">20</text>", ">40</text>", ">1</text>", ">1,000</text>",
                        ">time per call (microseconds, log scale)</text>", "<title id=\"title\">", "<desc id=\"desc\">")
                .doesNotContain("<path");
        assertThat(pages.get(DOCS.resolve("1-memoization.md"))).contains("](images/fib-timing.svg)");
    }

    @Test
    @DisplayName("every relative link and #anchor in the docs and the README leads to a file and a heading")
    void linksResolve() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Map.Entry<Path, String> page : pages.entrySet()) {
            Matcher link = LINK.matcher(withoutCode(page.getValue()));
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("[a-z]+:.*")) {
                    continue; // https: and mailto: are not checked offline
                }
                String path = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
                Path file = path.isEmpty() ? page.getKey() : page.getKey().getParent().resolve(path).normalize();
                if (!Files.exists(file)) {
                    broken.add(REPO.relativize(page.getKey()) + ": " + target + " (no such file)");
                } else if (anchor != null && !anchors(file).contains(anchor)) {
                    broken.add(REPO.relativize(page.getKey()) + ": " + target + " (no such heading; headings: "
                            + anchors(file) + ")");
                }
            }
        }
        assertThat(broken).as("broken links").isEmpty();
    }

    @Test
    @DisplayName("each rubric category points students at a section of the tutorial that exists")
    void categoriesPointAtSections() throws IOException {
        for (Category category : Category.values()) {
            Path page = REPO.resolve(category.docsPage());
            assertThat(page).as("category %s's page", category).exists();
            assertThat(anchors(page)).as("headings of %s, for category %s", category.docsPage(), category)
                    .contains(slug(category.docsSection()));
        }
    }

    @Test
    @DisplayName("every example the docs name exists, and every example is named in the docs")
    void examplesAndDocsNameEachOther() throws IOException {
        Set<String> named = new TreeSet<>();
        for (String page : pages.values()) {
            Matcher command = EXAMPLE_COMMAND.matcher(page);
            while (command.find()) {
                named.add(command.group(1));
            }
        }
        Set<String> files = examples().stream().map(p -> p.getFileName().toString())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(named).as("examples named by 'java docs/examples/...' in the docs").isEqualTo(files);
    }

    private String expected(Path page, DocBlocks.Block block) throws Exception {
        switch (block.kind()) {
            case GENERATED:
                return Generated.generate(block.source());
            case OUTPUT:
            case OUTPUT_SAMPLE:
                return output(Path.of(block.source()).getFileName().toString());
            default:
                String[] source = block.source().split("#", 2);
                Path file = page.getParent().resolve(source[0]).normalize();
                String text = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
                if (block.kind() == DocBlocks.Kind.QUOTE) {
                    return text;
                }
                return source.length == 2 ? DocBlocks.region(text, source[1]) : text;
        }
    }

    /**
     * Runs an example as a reader would, from the repository's top folder; its output. "X.java#word" runs
     * {@code java docs/examples/X.java word}, as the chapter that shows that output tells the reader to.
     */
    private String output(String example) throws Exception {
        if (outputs.containsKey(example)) {
            return outputs.get(example);
        }
        String[] fileAndArgument = example.split("#", 2);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "docs/examples/" + fileAndArgument[0]));
        if (fileAndArgument.length == 2) {
            command.add(fileAndArgument[1]);
        }
        Path log = Files.createTempFile("memolab-example", ".txt");
        Process process = new ProcessBuilder(command)
                .directory(REPO.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = process.waitFor(3, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        assertThat(ended && process.exitValue() == 0)
                .as("java docs/examples/%s should end with exit code 0 within 3 minutes; it printed:%n%s",
                        example.replace('#', ' '), output)
                .isTrue();
        outputs.put(example, output);
        return output;
    }

    private static List<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }

    /** GitHub's anchors for a Markdown file's headings. */
    private static Set<String> anchors(Path file) throws IOException {
        if (!file.toString().endsWith(".md")) {
            return Set.of();
        }
        return withoutCode(Files.readString(file, StandardCharsets.UTF_8)).lines()
                .filter(line -> line.startsWith("#"))
                .map(line -> slug(line.replaceFirst("^#+\\s*", "")))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
    static String slug(String heading) {
        return heading.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

    /** The text without fenced code blocks, where '#' starts comments, not headings. */
    private static String withoutCode(String markdown) {
        return markdown.replaceAll("(?s)```.*?```", "");
    }
}
