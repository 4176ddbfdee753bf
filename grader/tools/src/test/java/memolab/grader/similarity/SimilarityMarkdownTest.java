package memolab.grader.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import memolab.grader.similarity.SimilarityReport.Pair;
import memolab.grader.similarity.SimilarityReport.Region;
import memolab.grader.similarity.SimilarityReport.Result;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The similarity report with names a student chose: none of it reads as the report's own markup. */
class SimilarityMarkdownTest {

    private static final String FILE = "Z | <img src=x onerror=alert(1)> [x](https:evil.example) **b**.java";
    private static final String FOLDER = "## FAKE: Score 100 of 100 `x` <b>bold</b>";

    @Test
    @DisplayName("file and folder names with a pipe, HTML, a link, emphasis and a heading stay plain text, one cell each")
    void hostileNamesArePlainText() {
        Region region = new Region(FILE, 1, 20, FILE, 3, 22, 40);
        Result result = new Result(List.of(new Pair(FOLDER, "alice", 0.9, 0.95, List.of(region))), List.of(FOLDER, "alice"),
                List.of("<script>alert(1)</script>"), 1.0);
        String md = SimilarityMarkdown.render(result, 0.6);
        String outsideCode = md.replaceAll("(`+)(?s:.*?)\\1", "");
        assertThat(outsideCode).doesNotContain("<img", "<b>", "<script", "](https:", "**b**", "FAKE");
        assertThat(md.lines().filter(line -> line.startsWith("#")))
                .allMatch(line -> line.equals("# Similarity report") || line.equals("## The most similar pairs")
                        || line.matches("## \\d+\\. `.*"));
        for (String row : md.lines().filter(line -> line.startsWith("| ") && line.contains("lines")).toList()) {
            assertThat(row.replace("\\|", "").chars().filter(c -> c == '|').count()).as(row).isEqualTo(4);
        }
    }
}
