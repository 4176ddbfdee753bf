package memolab.grader.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import memolab.grader.cli.GraderCli;
import memolab.grader.template.StudentTemplate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The Gradescope entry point, run as Gradescope runs it: on a repository, on uploaded files, on the released template. */
class GradescopeScriptTest {

    @Test
    @DisplayName("run_autograder grades /autograder/submission and writes results/results.json")
    void runAutograderWritesResults(@TempDir Path root) throws Exception {
        Submissions.materialize(root, "submission", null);
        JsonObject results = runAutograder(root);
        assertThat(results.get("score").getAsInt()).isEqualTo(100);
        assertThat(results.getAsJsonArray("tests")).hasSizeGreaterThan(40);
    }

    @Test
    @DisplayName("an upload of LruCache.java and Fibonacci.java alone, in any folder, one saved with a byte-order mark, is graded")
    void uploadedFilesAreGraded(@TempDir Path root) throws Exception {
        Path folder = Files.createDirectories(root.resolve("submission/my files"));
        Files.copy(Submissions.REFERENCE.resolve("Fibonacci.java"), folder.resolve("Fibonacci.java"));
        // As some Windows editors save it: a UTF-8 byte-order mark first, which javac rejects.
        Files.writeString(folder.resolve("LruCache.java"), "\uFEFF" + Files.readString(Submissions.REFERENCE.resolve("LruCache.java")));
        JsonObject results = runAutograder(root);
        assertThat(results.get("score").getAsInt()).as(results.toString()).isEqualTo(100);
        assertThat(results.get("output").getAsString()).contains("Graded the files uploaded in `my files`",
                "`LruCache.java` starts with a byte-order mark");
    }

    @Test
    @DisplayName("an upload with what macOS, Windows and editors leave beside the files scores as the files alone, the litter named")
    void uploadLitterIsLeftOut(@TempDir Path root) throws Exception {
        Path folder = Files.createDirectories(root.resolve("submission/my files"));
        for (String file : List.of("LruCache.java", "Fibonacci.java")) {
            Files.copy(Submissions.REFERENCE.resolve(file), folder.resolve(file));
            // AppleDouble, as a copy to a USB stick makes it: a binary header (0x00051607), not UTF-8, named like a source.
            Files.write(folder.resolve("._" + file), new byte[] {0, 5, 22, 7, 0, 2, 0, 0, (byte) 0xFF, (byte) 0xFE, 'M', 'a', 'c'});
        }
        Files.write(folder.resolve(".DS_Store"), new byte[] {0, 0, 0, 1, 'B', 'u', 'd', '1', (byte) 0xFF});
        Files.write(folder.resolve("Thumbs.db"), new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0});
        Files.writeString(folder.resolve("LruCache.java~"), "class Old {");
        Files.write(folder.resolve(".Fibonacci.java.swp"), new byte[] {'b', '0', 'V', 'I', 'M', 0, (byte) 0xFF});
        Files.write(Files.createDirectories(root.resolve("submission/__MACOSX/my files")).resolve("._Fibonacci.java"),
                new byte[] {0, 5, 22, 7, (byte) 0xFF});
        JsonObject results = runAutograder(root);
        assertThat(results.get("score").getAsInt()).as(results.toString()).isEqualTo(100);
        assertThat(results.get("output").getAsString()).contains("Left out unread", "._LruCache.java`", ".DS_Store`",
                "Thumbs.db`", ".Fibonacci.java.swp`").doesNotContain("UTF-8");
    }

    @Test
    @DisplayName("two LruCache.java in an upload is an error that names both, with a score of 0")
    void ambiguousUploadIsNamed(@TempDir Path root) throws Exception {
        for (String folder : List.of("submission/a", "submission/b")) {
            Files.createDirectories(root.resolve(folder));
            Files.copy(Submissions.REFERENCE.resolve("LruCache.java"), root.resolve(folder).resolve("LruCache.java"));
        }
        JsonObject results = runAutograder(root);
        assertThat(results.get("score").getAsInt()).isZero();
        assertThat(results.get("output").getAsString()).contains("more than one LruCache.java (`a/LruCache.java`, `b/LruCache.java`)");
    }

    @Test
    @DisplayName("the released template, unedited but for the student's files, is graded without a tampering flag")
    void unEditedTemplateIsNotFlagged(@TempDir Path root) throws Exception {
        Path template = root.resolve("template");
        CommandLine cli = GraderCli.commandLine();
        cli.setOut(new PrintWriter(new StringWriter()));
        assertThat(cli.execute("release", "--repo", Submissions.REPO.toString(), "--out", template.toString())).isZero();
        Path submission = root.resolve("gradescope/submission/memolab-main"); // a zip of the repository, with its top folder
        copyTree(template, submission);
        for (String file : List.of("LruCache.java", "Fibonacci.java")) {
            Files.copy(Submissions.REFERENCE.resolve(file), submission.resolve("exercises/src/main/java/memolab").resolve(file),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        Files.createDirectories(root.resolve("gradescope/source"));
        Files.copy(template.resolve(StudentTemplate.MANIFEST), root.resolve("gradescope/source").resolve(StudentTemplate.MANIFEST));
        JsonObject results = runAutograder(root.resolve("gradescope"));
        assertThat(results.get("score").getAsInt()).as(results.toString()).isEqualTo(100);
        assertThat(results.toString()).doesNotContain("FILES OF THE COURSE WERE CHANGED");
    }

    private static JsonObject runAutograder(Path root) throws Exception {
        String grader = Path.of(System.getProperty("java.home"), "bin", "java") + " -cp "
                + System.getProperty("java.class.path") + " memolab.grader.cli.GraderCli";
        ProcessBuilder run = new ProcessBuilder("bash", Submissions.REPO.resolve("grader/tools/gradescope/run_autograder").toString())
                .redirectErrorStream(true);
        run.environment().put("AUTOGRADER_ROOT", root.toString());
        run.environment().put("MEMOLAB_GRADER", grader);
        Process process = run.start();
        String log = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(log).isZero();
        return JsonParser.parseString(Files.readString(root.resolve("results/results.json"))).getAsJsonObject();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
    }
}
