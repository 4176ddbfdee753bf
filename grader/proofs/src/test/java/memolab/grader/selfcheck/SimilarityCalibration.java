package memolab.grader.selfcheck;

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
import java.util.TreeMap;
import memolab.grader.grading.Folders;
import memolab.grader.similarity.SimilarityReport;
import memolab.grader.similarity.SimilarityReport.Pair;

/**
 * Chapter 6's calibration of the similarity report: copies of the reference disguised as
 * copiers disguise them ({@link Disguises}), and correct solutions written apart (the styles
 * corpus, the corpus's {@code correct-compact} and the fixture's {@code independent}), compared
 * in one JPlag run per minimum token match. What each copy scores against the reference, what
 * the honest pairs score, and, at this build's minimum match, what each threshold would list.
 */
public final class SimilarityCalibration {

    /** The minimum token matches tried: around this build's, and JPlag's default for Java. */
    static final List<Integer> MATCHES = List.of(5, 6, 7, SimilarityReport.JPLAG_JAVA_DEFAULT);

    /** The thresholds tried, in %. */
    static final List<Integer> THRESHOLDS = List.of(50, 55, 60, 65, 70, 75, 80, 85, 90);

    /** Styles that are the reference's cache with another Fibonacci, or an edit of it: copies, not written apart. */
    static final List<String> NOT_APART = List.of("memo-in-a-helper", "names-java-applet-type");

    private static final String REFERENCE = "reference";
    private static final String COPY = "copy-";

    private SimilarityCalibration() {
    }

    public static String table() {
        try {
            return measure();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String measure() throws IOException {
        Path work = Submissions.SCRATCH.resolve("docs-similarity-calibration");
        Folders.deleteTree(work);
        Path classDir = work.resolve("class");
        List<Path> folders = new ArrayList<>();
        folders.add(Submissions.materialize(classDir, REFERENCE, null));
        List<Disguises.Disguise> disguises = new ArrayList<>(Disguises.ALONE);
        disguises.add(Disguises.COMBINED);
        Map<String, String> original = Map.of("LruCache.java",
                Files.readString(Submissions.REFERENCE.resolve("LruCache.java"), StandardCharsets.UTF_8));
        for (Disguises.Disguise disguise : disguises) {
            Path overrides = work.resolve("disguises").resolve(disguise.name());
            Files.createDirectories(overrides);
            for (Map.Entry<String, String> file : disguise.transform().apply(original).entrySet()) {
                Files.writeString(overrides.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            }
            Submissions.compile("calibration-" + disguise.name(), Submissions.REFERENCE, overrides); // throws if broken
            folders.add(Submissions.materialize(classDir, COPY + disguise.name(), overrides));
        }
        List<String> apart = new ArrayList<>(List.of(REFERENCE));
        for (String style : CheatCorpusTest.styles()) {
            Path files = CheatCorpusTest.STYLES.resolve(style).resolve("files/memolab");
            if (!NOT_APART.contains(style) && Files.isDirectory(files)) {
                folders.add(Submissions.materialize(classDir, style, files));
                apart.add(style);
            }
        }
        folders.add(Submissions.materialize(classDir, "correct-compact", Submissions.CORPUS.resolve("correct-compact/memolab")));
        folders.add(Submissions.materialize(classDir, "independent", SimilarityFixture.FIXTURES.resolve("independent/memolab")));
        apart.addAll(List.of("correct-compact", "independent"));
        Map<String, List<Path>> sources = new LinkedHashMap<>();
        for (Path folder : folders) {
            SimilarityFixture.add(sources, folder);
        }

        Map<Integer, Map<String, Double>> copyScores = new TreeMap<>();
        Map<Integer, List<Double>> honestScores = new TreeMap<>();
        for (int match : MATCHES) {
            SimilarityReport.Result result = SimilarityReport.compare(sources, null, work.resolve("jplag"),
                    work.resolve("out-" + match), SimilarityReport.DEFAULT_THRESHOLD, match);
            if (!result.notCompared().isEmpty()) {
                throw new IllegalStateException("the calibration could not compare " + result.notCompared());
            }
            Map<String, Double> copies = new LinkedHashMap<>();
            List<Double> honest = new ArrayList<>();
            for (Pair pair : result.pairs()) {
                String copy = pair.first().equals(REFERENCE) && pair.second().startsWith(COPY) ? pair.second()
                        : pair.second().equals(REFERENCE) && pair.first().startsWith(COPY) ? pair.first() : null;
                if (copy != null) {
                    copies.put(copy.substring(COPY.length()), pair.average() * 100);
                } else if (apart.contains(pair.first()) && apart.contains(pair.second())) {
                    honest.add(pair.average() * 100);
                }
            }
            copyScores.put(match, copies);
            honest.sort(null);
            honestScores.put(match, honest);
        }
        return render(disguises, copyScores, honestScores, apart.size());
    }

    private static String render(List<Disguises.Disguise> disguises, Map<Integer, Map<String, Double>> copies,
            Map<Integer, List<Double>> honest, int apart) {
        int chosen = SimilarityReport.MINIMUM_TOKEN_MATCH;
        int threshold = (int) Math.round(SimilarityReport.DEFAULT_THRESHOLD * 100);
        StringBuilder md = new StringBuilder("Average similarity (%) with the reference, by JPlag's minimum token match"
                + " (this build's is " + chosen + ", JPlag's own default for Java " + SimilarityReport.JPLAG_JAVA_DEFAULT
                + "); the stubs are base code in every run:\n\n| the reference, disguised | how |");
        MATCHES.forEach(m -> md.append(' ').append(m).append(" |"));
        md.append("\n|---|---|").append("---|".repeat(MATCHES.size())).append('\n');
        for (Disguises.Disguise disguise : disguises) {
            md.append("| `").append(disguise.name()).append("` | ").append(disguise.description()).append(" |");
            MATCHES.forEach(m -> md.append(String.format(Locale.ROOT, " %.1f |", copies.get(m).get(disguise.name()))));
            md.append('\n');
        }
        int pairs = honest.get(chosen).size();
        md.append(String.format(Locale.ROOT, "| *written apart* | the highest of the %d pairs of %d correct solutions |", pairs, apart));
        MATCHES.forEach(m -> md.append(String.format(Locale.ROOT, " %.1f |", honest.get(m).get(honest.get(m).size() - 1))));
        md.append(String.format(Locale.ROOT, "%n| *written apart* | their median |"));
        MATCHES.forEach(m -> md.append(String.format(Locale.ROOT, " %.1f |", honest.get(m).get(honest.get(m).size() / 2))));
        md.append(String.format(Locale.ROOT, "%n%nWhat each threshold would list in `similarity.csv`: disguised copies "
                + "(of %d) / pairs written apart (of %d), by minimum token match; this build lists at %d %% and matches "
                + "runs of %d tokens:%n%n| threshold |", disguises.size(), pairs, threshold, chosen));
        MATCHES.forEach(m -> md.append(' ').append(m).append(" |"));
        md.append("\n|---|").append("---|".repeat(MATCHES.size())).append('\n');
        for (int t : THRESHOLDS) {
            md.append(String.format(Locale.ROOT, "| %d %% |", t));
            for (int m : MATCHES) {
                long caught = copies.get(m).values().stream().filter(v -> v >= t).count();
                long flagged = honest.get(m).stream().filter(v -> v >= t).count();
                String cell = caught + " / " + flagged;
                md.append(' ').append(t == threshold && m == chosen ? "**" + cell + "**" : cell).append(" |");
            }
            md.append('\n');
        }
        return md.toString();
    }
}
