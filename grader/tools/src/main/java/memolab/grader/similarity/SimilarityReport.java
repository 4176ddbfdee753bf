package memolab.grader.similarity;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import de.jplag.JPlag;
import de.jplag.JPlagComparison;
import de.jplag.JPlagResult;
import de.jplag.Match;
import de.jplag.Token;
import de.jplag.exceptions.ExitException;
import de.jplag.options.JPlagOptions;
import de.jplag.reporting.reportobject.ReportObjectFactory;
import memolab.grader.grading.Folders;
import memolab.grader.grading.GraderFiles;
import memolab.grader.grading.Submission;
import memolab.grader.report.Gradebook;

/**
 * Compares every student's sources with every other's, and with optional reference sources,
 * using JPlag 4.3 as a library (its Java front end, which runs on Java 17 like the rest of the
 * grader; JPlag 6 would need Java 21). The stubs are JPlag's base code: what every student
 * was given (the Javadoc, the signatures) matches nobody.
 *
 * <p>Writes into the output folder {@code similarity.csv} (the pairs at or above the
 * threshold, by the average), {@code similarity.md} (the top pairs and their matching regions, file and
 * lines side by side) and {@code similarity-jplag.zip} (JPlag's own report, for its viewer).
 */
public final class SimilarityReport {

    /**
     * A pair whose average similarity is at or above this is listed in {@code similarity.csv}.
     * Chosen from chapter 6's calibration (copies of the reference disguised one way at a time
     * and all at once, beside correct solutions written apart): at 80 % every copy disguised one
     * way is listed and few honest pairs are, since solutions of this small exercise share much
     * of the contract's shape; at 60 % more than half the honest pairs were.
     */
    public static final double DEFAULT_THRESHOLD = 0.8;

    /**
     * The shortest run of tokens JPlag counts as a match. JPlag's default for Java is 9, made
     * for larger programs; here most methods are shorter than that, so a copy with its methods
     * reordered loses most of its matches at 9. Chapter 6's calibration compares 5, 6, 7 and 9:
     * 5 and 6 list the same at the default threshold, and both keep more of a disguised copy's
     * similarity than 9 does.
     */
    public static final int MINIMUM_TOKEN_MATCH = 6;

    /** JPlag's own default minimum match for Java, for comparison. */
    public static final int JPLAG_JAVA_DEFAULT = 9;

    /** How many pairs the Markdown summary shows with their regions. */
    static final int SHOWN_PAIRS = 10;

    /** Names of sources given with {@code --similarity-against} start with this, so they never pass for a student. */
    public static final String REFERENCE_PREFIX = "reference:";

    /** One region that two submissions share: file and lines on each side, and its length in tokens. */
    public record Region(String firstFile, int firstFrom, int firstTo, String secondFile, int secondFrom, int secondTo,
            int tokens) {
    }

    /**
     * Two submissions and how much of them matches (JPlag's average and maximum similarity,
     * 0 to 1: the share of each one's tokens in matching regions, averaged, or the larger).
     * Pairs rank by the average, JPlag's own default: the maximum is high whenever a short
     * submission shares its few tokens with a long one.
     */
    public record Pair(String first, String second, double average, double maximum, List<Region> regions) {
    }

    /** The whole comparison: every pair, best first, and what could not be compared. */
    public record Result(List<Pair> pairs, List<String> compared, List<String> notCompared, double seconds) {

        /** Each student's most similar other submission (a student or a reference source), if any. */
        public Map<String, Pair> highestPerStudent() {
            Map<String, Pair> best = new LinkedHashMap<>();
            for (String student : compared) {
                if (student.startsWith(REFERENCE_PREFIX)) {
                    continue;
                }
                pairs.stream().filter(p -> p.first().equals(student) || p.second().equals(student))
                        .max(Comparator.comparingDouble(Pair::average)).ifPresent(p -> best.put(student, p));
            }
            return best;
        }
    }

    private SimilarityReport() {
    }

    /**
     * Compares the submissions.
     *
     * @param students  the students' names and their sources (package {@code memolab}, given files left out)
     * @param against   reference sources to compare every student with: each folder or Java file in it is one; or null
     * @param work      a scratch folder (emptied)
     * @param out       where the report files go
     * @param threshold the lowest maximum similarity {@code similarity.csv} lists
     */
    public static Result compare(Map<String, List<Path>> students, Path against, Path work, Path out, double threshold)
            throws IOException {
        return compare(students, against, work, out, threshold, MINIMUM_TOKEN_MATCH);
    }

    /** As {@link #compare(Map, Path, Path, Path, double)}, with another minimum match (the docs compare two). */
    public static Result compare(Map<String, List<Path>> students, Path against, Path work, Path out, double threshold,
            int minimumTokenMatch) throws IOException {
        long start = System.nanoTime();
        Folders.deleteTree(work);
        Path newRoot = work.resolve("students");
        Path oldRoot = work.resolve("references");
        Path base = work.resolve("base");
        Files.createDirectories(newRoot);
        Files.createDirectories(oldRoot);
        GraderFiles.copyStubs(base);
        Map<String, String> names = new LinkedHashMap<>(); // JPlag's submission name -> ours
        Set<String> used = new HashSet<>();
        List<String> unparsable = new ArrayList<>();
        for (Map.Entry<String, List<Path>> student : students.entrySet()) {
            String folder = unique(Submission.folderName(student.getKey()), used);
            stage(student.getValue(), newRoot.resolve(folder));
            if (parses(newRoot.resolve(folder))) {
                names.put(folder, student.getKey());
            } else {
                // One submission JPlag cannot parse (code nested too deep for its parser, say) would stop the comparison
                // of the whole class: it is left out, and named.
                Folders.deleteTree(newRoot.resolve(folder));
                unparsable.add(student.getKey());
            }
        }
        if (against != null) {
            for (Path source : referenceSources(against)) {
                String name = source.getFileName().toString();
                String folder = unique("reference_" + Submission.folderName(name), used);
                names.put(folder, REFERENCE_PREFIX + name);
                stage(javaFiles(source), oldRoot.resolve(folder));
            }
        }
        Files.createDirectories(out);
        if (names.size() < 2) {
            Result nothing = new Result(List.of(), List.copyOf(names.values()), unparsable, seconds(start));
            write(out, nothing, threshold);
            return nothing;
        }
        JPlagOptions options = new JPlagOptions(new de.jplag.java.Language(), Set.of(newRoot.toFile()),
                against == null ? Set.of() : Set.of(oldRoot.toFile()))
                .withBaseCodeSubmissionDirectory(base.toFile())
                .withMaximumNumberOfComparisons(JPlagOptions.SHOW_ALL_COMPARISONS)
                .withMinimumTokenMatch(minimumTokenMatch);
        JPlagResult jplag;
        try {
            jplag = new JPlag(options).run();
        } catch (ExitException e) {
            throw new IOException("JPlag could not compare the submissions: " + e.getMessage(), e);
        }
        List<Pair> pairs = new ArrayList<>();
        for (JPlagComparison comparison : jplag.getAllComparisons()) {
            pairs.add(pair(comparison, names, newRoot, oldRoot));
        }
        pairs.sort(Comparator.comparingDouble(Pair::average).thenComparingDouble(Pair::maximum).reversed()
                .thenComparing(Pair::first).thenComparing(Pair::second));
        List<String> compared = new ArrayList<>();
        jplag.getSubmissions().getSubmissions().forEach(s -> compared.add(name(names, s)));
        List<String> notCompared = new ArrayList<>(unparsable);
        names.values().stream().filter(n -> !compared.contains(n)).forEach(notCompared::add);
        Result result = new Result(pairs, compared, notCompared, seconds(start));
        new ReportObjectFactory().createAndSaveReport(jplag, out.resolve("similarity-jplag").toString());
        write(out, result, threshold);
        return result;
    }

    private static Pair pair(JPlagComparison comparison, Map<String, String> names, Path newRoot, Path oldRoot) {
        List<Token> first = comparison.firstSubmission().getTokenList();
        List<Token> second = comparison.secondSubmission().getTokenList();
        Path firstRoot = comparison.firstSubmission().getRoot().toPath();
        Path secondRoot = comparison.secondSubmission().getRoot().toPath();
        List<Region> regions = new ArrayList<>();
        for (Match match : comparison.matches()) {
            Token a0 = first.get(match.startOfFirst());
            Token a1 = first.get(match.endOfFirst());
            Token b0 = second.get(match.startOfSecond());
            Token b1 = second.get(match.endOfSecond());
            regions.add(new Region(shown(firstRoot, a0.getFile()), a0.getLine(), a1.getLine(),
                    shown(secondRoot, b0.getFile()), b0.getLine(), b1.getLine(), match.length()));
        }
        regions.sort(Comparator.comparingInt(Region::tokens).reversed());
        String a = name(names, comparison.firstSubmission());
        String b = name(names, comparison.secondSubmission());
        boolean swap = a.startsWith(REFERENCE_PREFIX) && !b.startsWith(REFERENCE_PREFIX) || (!b.startsWith(REFERENCE_PREFIX)
                && !a.startsWith(REFERENCE_PREFIX) && a.compareTo(b) > 0);
        if (swap) {
            regions = regions.stream().map(r -> new Region(r.secondFile(), r.secondFrom(), r.secondTo(), r.firstFile(),
                    r.firstFrom(), r.firstTo(), r.tokens())).toList();
        }
        return new Pair(swap ? b : a, swap ? a : b, comparison.similarity(), comparison.maximalSimilarity(), List.copyOf(regions));
    }

    /** Our name for a JPlag submission: JPlag prefixes its root folder's name when there are two roots. */
    private static String name(Map<String, String> names, de.jplag.Submission submission) {
        String folder = submission.getName().substring(submission.getName().lastIndexOf('/') + 1);
        return names.getOrDefault(folder, submission.getName());
    }

    private static String shown(Path root, File file) {
        Path path = file.toPath();
        return path.startsWith(root) ? root.relativize(path).toString().replace('\\', '/') : path.getFileName().toString();
    }

    /** Writes {@code similarity.csv} and {@code similarity.md}. */
    static void write(Path out, Result result, double threshold) throws IOException {
        StringBuilder csv = new StringBuilder("first,second,average_similarity,maximum_similarity,matching_regions\n");
        for (Pair pair : result.pairs()) {
            if (pair.average() >= threshold) {
                csv.append(String.format(Locale.ROOT, "%s,%s,%.3f,%.3f,%d%n", Gradebook.quote(pair.first()), Gradebook.quote(pair.second()),
                        pair.average(), pair.maximum(), pair.regions().size()));
            }
        }
        Files.writeString(out.resolve("similarity.csv"), csv, StandardCharsets.UTF_8);
        Files.writeString(out.resolve("similarity.md"), SimilarityMarkdown.render(result, threshold), StandardCharsets.UTF_8);
    }

    /** The folders and Java files directly in {@code against}, each one reference source. */
    private static List<Path> referenceSources(Path against) throws IOException {
        if (!Files.isDirectory(against)) {
            throw new IOException("--similarity-against " + against + " is not a folder");
        }
        try (Stream<Path> entries = Files.list(against)) {
            List<Path> sources = entries.filter(p -> Files.isDirectory(p) || p.toString().endsWith(".java"))
                    .filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
            if (sources.isEmpty()) {
                throw new IOException("--similarity-against " + against + " holds no folder and no .java file to compare with");
            }
            return sources;
        }
    }

    private static List<Path> javaFiles(Path source) throws IOException {
        if (Files.isRegularFile(source)) {
            return List.of(source);
        }
        try (Stream<Path> files = Files.walk(source)) {
            return files.filter(f -> f.toString().endsWith(".java") && Files.isRegularFile(f)).sorted().toList();
        }
    }

    /** Whether JPlag's Java front end parses a submission's files, tried alone: whatever it throws, the answer is no. */
    private static boolean parses(Path folder) throws IOException {
        Set<java.io.File> files = new HashSet<>();
        try (java.util.stream.Stream<Path> sources = Files.list(folder)) {
            sources.forEach(p -> files.add(p.toFile()));
        }
        try {
            new de.jplag.java.Language().parse(files);
            return true;
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            return false;
        }
    }

    /**
     * Copies sources flat into {@code folder} (two files of one name get a number), as the
     * compiler reads them: without a leading byte-order mark, so that a copy saved with one is
     * compared like any other (JPlag's parser rejects the mark, which once let such a copy leave
     * the comparison).
     */
    private static void stage(List<Path> sources, Path folder) throws IOException {
        Files.createDirectories(folder);
        Set<String> used = new HashSet<>();
        for (Path source : sources) {
            String name = source.getFileName().toString();
            String stem = name.substring(0, name.length() - ".java".length());
            byte[] bytes = Files.readAllBytes(source);
            boolean marked = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
            Files.write(folder.resolve(unique(stem, used) + ".java"),
                    marked ? java.util.Arrays.copyOfRange(bytes, 3, bytes.length) : bytes);
        }
    }

    private static String unique(String name, Set<String> used) {
        String candidate = name;
        for (int i = 2; !used.add(candidate.toLowerCase(Locale.ROOT)); i++) {
            candidate = name + "_" + i;
        }
        return candidate;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
