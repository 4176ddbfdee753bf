package memolab.grader.similarity;

import java.util.List;
import java.util.Locale;
import memolab.grader.score.PlainText;
import memolab.grader.similarity.SimilarityReport.Pair;
import memolab.grader.similarity.SimilarityReport.Region;
import memolab.grader.similarity.SimilarityReport.Result;

/** {@code similarity.md}: the pairs to look at first, with the regions they share, for the instructor. */
final class SimilarityMarkdown {

    /** The regions shown per pair, longest first. */
    private static final int REGIONS = 6;

    private SimilarityMarkdown() {
    }

    static String render(Result result, double threshold) {
        StringBuilder md = new StringBuilder("# Similarity report\n\n");
        long above = result.pairs().stream().filter(p -> p.average() >= threshold).count();
        md.append(String.format(Locale.ROOT, "%d submissions compared pairwise with JPlag (Java front end, the stubs as base "
                + "code), in %.1f s: %d pairs, %d of them at or above %.0f %%.%n%n",
                result.compared().size(), result.seconds(), result.pairs().size(), above, threshold * 100));
        md.append("""
                A pair's similarity is the share of its code (in JPlag's tokens: the program's structure, with \
                names, comments, layout and the given stubs left out) that lies in regions both submissions \
                share: "average" over the two submissions (the pairs are ranked by it), "maximum" the larger share \
                (a short submission copied into a longer one shows a high maximum). Two correct solutions of this \
                small exercise written apart share about half their code: the contract gives them the same shape. \
                It is a pointer to read two files side by side, not a \
                verdict. A high score can be innocent: two short, correct solutions of a small exercise built the \
                way the tutorial describes, code both took from the tutorial, or a pair that worked together as \
                allowed. A low score does not prove independent work either. Nothing here changes a score, and \
                students do not see it. JPlag's own viewer reads `similarity-jplag.zip` (open it at \
                https://jplag.github.io/JPlag/).

                """);
        if (!result.notCompared().isEmpty()) {
            md.append("Not compared (no source JPlag could parse): ")
                    .append(String.join(", ", result.notCompared().stream().map(PlainText::inlineCode).toList()))
                    .append(".\n\n");
        }
        if (result.pairs().isEmpty()) {
            return md.append("No pairs: fewer than two submissions to compare.\n").toString();
        }
        md.append("## The most similar pairs\n\n| # | first | second | average | maximum | shared regions |\n|---|---|---|---|---|---|\n");
        List<Pair> top = result.pairs().subList(0, Math.min(SimilarityReport.SHOWN_PAIRS, result.pairs().size()));
        for (int i = 0; i < top.size(); i++) {
            Pair pair = top.get(i);
            md.append(String.format(Locale.ROOT, "| %d | %s | %s | %.0f %% | %.0f %% | %d |%n", i + 1, cell(pair.first()),
                    cell(pair.second()), pair.average() * 100, pair.maximum() * 100, pair.regions().size()));
        }
        for (int i = 0; i < top.size(); i++) {
            Pair pair = top.get(i);
            if (pair.average() < threshold) {
                break;
            }
            md.append(String.format(Locale.ROOT, "%n## %d. %s and %s: %.0f %% (maximum %.0f %%)%n%n", i + 1, cell(pair.first()),
                    cell(pair.second()), pair.average() * 100, pair.maximum() * 100));
            md.append("| ").append(cell(pair.first())).append(" | ").append(cell(pair.second())).append(" | tokens |\n|---|---|---|\n");
            for (Region region : pair.regions().subList(0, Math.min(REGIONS, pair.regions().size()))) {
                md.append(String.format(Locale.ROOT, "| %s, lines %d-%d | %s, lines %d-%d | %d |%n", cell(region.firstFile()),
                        region.firstFrom(), region.firstTo(), cell(region.secondFile()), region.secondFrom(), region.secondTo(),
                        region.tokens()));
            }
            if (pair.regions().size() > REGIONS) {
                md.append(String.format(Locale.ROOT, "%n(%d shorter regions not listed.)%n", pair.regions().size() - REGIONS));
            }
        }
        return md.toString();
    }

    /**
     * A submission's or file's name in a table cell: plain text in a code span (nothing in a name
     * a student chose, HTML, a link or emphasis, reads as the report's own), its pipes escaped
     * so that it stays one cell (GitHub's tables read the escape inside code spans too).
     */
    private static String cell(String text) {
        return PlainText.inlineCode(text).replace("|", "\\|");
    }
}
