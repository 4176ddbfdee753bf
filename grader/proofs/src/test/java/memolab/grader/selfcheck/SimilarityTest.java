package memolab.grader.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import memolab.grader.grading.Folders;
import memolab.grader.grading.Submission;
import memolab.grader.similarity.SimilarityReport;
import memolab.grader.similarity.SimilarityReport.Pair;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The similarity report on a fixture class: every corpus variant, two disguised copies of
 * one of them (identifiers renamed, members reordered) and a solution written apart (see
 * {@code src/test/resources/similarity/README.md}).
 *
 * <p>The corpus variants are, by construction, copies: most are the compact reference with
 * one line changed, so they form a band of near-identical pairs of their own, as a class
 * that passed one file around would. The disguised copies must still find their original
 * first, at a similarity in that band, and the independent solution must rank last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("The similarity report (JPlag)")
class SimilarityTest {

    private static final Path FIXTURES = SimilarityFixture.FIXTURES;
    private static final Set<String> DISGUISED = Set.of("disguised-one", "disguised-two");
    private static final String ORIGINAL = SimilarityFixture.ORIGINAL;

    private SimilarityReport.Result result;
    private Path out;
    private int students;

    @BeforeAll
    void compareTheClass() throws Exception {
        Path work = Submissions.SCRATCH.resolve("similarity");
        Folders.deleteTree(work);
        Path classDir = work.resolve("class");
        List<Path> folders = new ArrayList<>();
        for (String name : Submissions.corpusNames()) {
            folders.add(Submissions.materialize(classDir, name, Submissions.variantSources(Submissions.CORPUS, name)));
        }
        for (String name : List.of("disguised-one", "disguised-two", "independent")) {
            folders.add(Submissions.materialize(classDir, name, FIXTURES.resolve(name).resolve("memolab")));
        }
        folders.add(bomCopyOf(classDir.resolve(ORIGINAL), classDir.resolve(BOM_COPY)));
        Map<String, List<Path>> sources = new LinkedHashMap<>();
        for (Path folder : folders) {
            SimilarityFixture.add(sources, folder);
        }
        students = sources.size();
        out = work.resolve("out");
        result = SimilarityReport.compare(sources, null, work.resolve("jplag"), out, SimilarityReport.DEFAULT_THRESHOLD);
        System.out.println(Files.readString(out.resolve("similarity.csv")));
    }

    /** A verbatim copy of the original, each file saved with a UTF-8 byte-order mark (as some Windows editors save). */
    private static final String BOM_COPY = "bom-copy";

    private static Path bomCopyOf(Path original, Path copy) throws java.io.IOException {
        try (var files = Files.walk(original)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = copy.resolve(original.relativize(file).toString());
                Files.createDirectories(target.getParent());
                byte[] bytes = Files.readAllBytes(file);
                Files.write(target, file.toString().endsWith(".java") ? java.nio.ByteBuffer.allocate(bytes.length + 3)
                        .put(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}).put(bytes).array() : bytes);
            }
        }
        return copy;
    }

    @Test
    @DisplayName("a verbatim copy saved with a byte-order mark is compared, and it and its original are the top pair")
    void byteOrderMarkCopyIsCompared() {
        assertThat(result.compared()).contains(BOM_COPY);
        Pair copied = pair(BOM_COPY, ORIGINAL);
        assertThat(copied.average()).as("%s", copied).isGreaterThanOrEqualTo(0.99)
                .isEqualTo(result.pairs().get(0).average());
        assertThat(result.highestPerStudent().get(BOM_COPY).average()).isEqualTo(copied.average());
    }

    @Test
    @DisplayName("each disguised copy finds its original (or the other copy) first, at 75 % or more")
    void disguisedCopiesFindTheirOriginal() {
        Map<String, Pair> highest = result.highestPerStudent();
        for (String copy : DISGUISED) {
            Pair best = highest.get(copy);
            String partner = best.first().equals(copy) ? best.second() : best.first();
            assertThat(partner).as("%s's most similar submission (%s)", copy, best).isIn(ORIGINAL, BOM_COPY, other(copy));
            assertThat(pair(copy, ORIGINAL).average()).as("%s and %s", copy, ORIGINAL).isGreaterThanOrEqualTo(0.75);
        }
        assertThat(pair("disguised-one", "disguised-two").average()).isGreaterThanOrEqualTo(0.75);
    }

    @Test
    @DisplayName("the independent solution ranks last, below the threshold and below every disguised pair")
    void independentSolutionRanksLow() {
        Map<String, Pair> highest = result.highestPerStudent();
        double independent = highest.get("independent").average();
        assertThat(independent).as("the independent solution's highest similarity (%s)", highest.get("independent"))
                .isLessThan(SimilarityReport.DEFAULT_THRESHOLD);
        highest.forEach((student, pair) -> assertThat(pair.average()).as("%s's highest similarity", student)
                .isGreaterThanOrEqualTo(independent));
        assertThat(result.pairs().stream().filter(p -> DISGUISED.contains(p.first()) || DISGUISED.contains(p.second()))
                .filter(p -> p.first().equals(ORIGINAL) || p.second().equals(ORIGINAL) || DISGUISED.contains(p.first())
                        && DISGUISED.contains(p.second())))
                .hasSize(3).allSatisfy(p -> assertThat(p.average()).isGreaterThan(independent + 0.2));
    }

    @Test
    @DisplayName("every submission is compared, pairs are sorted, and the report files are written with file and lines")
    void reportFiles() throws Exception {
        assertThat(result.compared()).hasSize(students);
        assertThat(result.notCompared()).isEmpty();
        assertThat(result.pairs()).hasSize(students * (students - 1) / 2);
        assertThat(result.pairs()).extracting(Pair::average).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        String csv = Files.readString(out.resolve("similarity.csv"));
        assertThat(csv).startsWith("first,second,average_similarity,maximum_similarity,matching_regions\n")
                .contains("disguised-one,disguised-two,");
        String md = Files.readString(out.resolve("similarity.md"));
        assertThat(md).contains("# Similarity report", "not a verdict", "| `LruCache.java`, lines ")
                .contains(String.format("%d submissions compared", students));
        assertThat(out.resolve("similarity-jplag.zip")).isNotEmptyFile();
    }

    @Test
    @DisplayName("reference sources (--similarity-against) are compared with every student, and never among themselves")
    void againstReferences() throws Exception {
        Path work = Submissions.SCRATCH.resolve("similarity-against");
        Folders.deleteTree(work);
        Path found = Files.createDirectories(work.resolve("found-online/blog-post"));
        Files.copy(FIXTURES.resolve("disguised-two/memolab/LruCache.java"), found.resolve("LruCache.java"));
        Files.copy(FIXTURES.resolve("independent/memolab/LruCache.java"), work.resolve("found-online/Gist.java"));
        Path original = Submissions.materialize(work.resolve("class"), ORIGINAL,
                Submissions.variantSources(Submissions.CORPUS, ORIGINAL));
        Path independent = Submissions.materialize(work.resolve("class"), "independent", FIXTURES.resolve("independent/memolab"));
        Map<String, List<Path>> sources = new LinkedHashMap<>();
        for (Path folder : List.of(original, independent)) {
            sources.put(Submission.nameOf(folder), Submission.locate(folder).sources());
        }
        SimilarityReport.Result against = SimilarityReport.compare(sources, work.resolve("found-online"), work.resolve("jplag"),
                work.resolve("out"), SimilarityReport.DEFAULT_THRESHOLD);
        Map<String, Pair> highest = against.highestPerStudent();
        assertThat(highest.get(ORIGINAL).second()).isEqualTo(SimilarityReport.REFERENCE_PREFIX + "blog-post");
        assertThat(highest.get("independent").second()).isEqualTo(SimilarityReport.REFERENCE_PREFIX + "Gist.java");
        assertThat(against.pairs()).noneMatch(p -> p.first().startsWith(SimilarityReport.REFERENCE_PREFIX)
                && p.second().startsWith(SimilarityReport.REFERENCE_PREFIX));
    }

    private Pair pair(String a, String b) {
        return result.pairs().stream().filter(p -> p.first().equals(a) && p.second().equals(b)
                || p.first().equals(b) && p.second().equals(a)).findFirst().orElseThrow();
    }

    private static String other(String copy) {
        return copy.equals("disguised-one") ? "disguised-two" : "disguised-one";
    }
}
