package memolab.grader.selfcheck;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import memolab.grader.grading.Folders;
import memolab.grader.grading.Submission;
import memolab.grader.grading.Submission.InvalidSubmissionException;

/**
 * The similarity check's fixtures laid out as students' repositories ({@code src/test/resources/similarity}):
 * the corpus variant {@code linear-scan}, its two disguised copies, and the solution written apart.
 */
public final class SimilarityFixture {

    static final Path FIXTURES = Submissions.PROOFS.resolve("src/test/resources/similarity");

    /** The variant that the disguised copies were made from. */
    static final String ORIGINAL = "linear-scan";

    private SimilarityFixture() {
    }

    /** The four submissions, laid out under {@code classDir}: each student's name and sources. */
    public static Map<String, List<Path>> smallClass(Path classDir) throws IOException {
        Folders.deleteTree(classDir);
        Map<String, List<Path>> sources = new LinkedHashMap<>();
        add(sources, Submissions.materialize(classDir, ORIGINAL, Submissions.variantSources(Submissions.CORPUS, ORIGINAL)));
        for (String name : List.of("disguised-one", "disguised-two", "independent")) {
            add(sources, Submissions.materialize(classDir, name, FIXTURES.resolve(name).resolve("memolab")));
        }
        return sources;
    }

    static void add(Map<String, List<Path>> sources, Path folder) throws IOException {
        try {
            Submission submission = Submission.locate(folder);
            sources.put(submission.student(), submission.sources());
        } catch (InvalidSubmissionException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
