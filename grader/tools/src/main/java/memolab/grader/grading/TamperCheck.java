package memolab.grader.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import memolab.grader.score.PlainText;
import memolab.grader.template.StudentTemplate;

/**
 * Compares the files of a student's repository that a student must not edit (the poms, the
 * wrapper, the graded tests, the workflow) with the fingerprints of
 * the released template. Grading never uses those copies, so an edit cannot change a score;
 * but a student whose tests were edited saw other results than the real ones, and the
 * instructor should know.
 */
public final class TamperCheck {

    /** Folders that hold only the course's files: anything added there is flagged too. */
    private static final List<String> COURSE_FOLDERS = List.of("grader/", ".github/", ".mvn/");

    /** Written by the student's own runs, or by the classroom service: not part of the template, not an edit. */
    private static final Set<String> GENERATED = Set.of("result.json", "release-body.md", Classroom50Shim.PATH);

    /**
     * {@code result} with the findings of {@link #check} for {@code given}: a flag for the
     * instructor and an explanation for the student, or {@code result} itself when nothing differs.
     */
    public static GradingResult flag(GradingResult result, Path given, Map<String, String> manifest) throws IOException {
        List<String> findings = check(given, manifest);
        if (findings.isEmpty()) {
            return result;
        }
        return result.flagged("changed course files: " + findings.size(),
                "FILES OF THE COURSE WERE CHANGED in your repository (" + String.join("; ", findings) + "). Grading "
                + "always uses its own copies of the tests, poms and workflows, so these changes did not change your "
                + "score, but the tests you ran may not have been the real ones. Your instructor sees this note.");
    }

    /**
     * What differs from the template.
     *
     * @param given    the path given on the command line: a repository or its {@code exercises} folder
     * @param manifest protected path to fingerprint, from the template's manifest
     * @return one line per edited, missing or added file; empty when all match, or when
     *         {@code given} is not a whole student repository (then there is nothing to compare)
     */
    static List<String> check(Path given, Map<String, String> manifest) throws IOException {
        if (manifest.isEmpty()) {
            return List.of(); // no fingerprints to compare with: nothing is checked (grade says so on its console)
        }
        Path root = Submission.repositoryOf(given);
        if (!Files.isDirectory(root.resolve("exercises/src/main/java")) || !Files.isRegularFile(root.resolve("pom.xml"))
                || Files.isDirectory(root.resolve("solutions"))) {
            return List.of(); // sources only, or the course repository itself
        }
        List<String> findings = new ArrayList<>();
        for (Map.Entry<String, String> entry : manifest.entrySet()) {
            Path file = root.resolve(entry.getKey());
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                // A link is not the course's file, whatever it points at (a FIFO would never finish reading).
                findings.add((Files.isSymbolicLink(file) ? "replaced by a link: " : "missing: ") + PlainText.inlineCode(entry.getKey()));
            } else if (Files.size(file) > Submission.MAX_SOURCE_BYTES
                    || !StudentTemplate.fingerprint(Files.readAllBytes(file)).equals(entry.getValue())) {
                findings.add("edited: " + PlainText.inlineCode(entry.getKey()));
            }
        }
        for (String folder : COURSE_FOLDERS) {
            Path dir = root.resolve(folder);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    String path = root.relativize(file).toString().replace('\\', '/');
                    if (!manifest.containsKey(path) && !path.contains("/target/") && !GENERATED.contains(path)) {
                        findings.add("added: " + PlainText.inlineCode(path)); // a name the student chose
                    }
                }
            }
        }
        Classroom50Shim.check(root).ifPresent(findings::add);
        return findings;
    }

    private TamperCheck() {
    }
}
