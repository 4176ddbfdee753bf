package memolab.grader.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import memolab.grader.classroom.Classroom50;
import memolab.grader.cli.GraderCli;
import memolab.grader.grading.GradingPlan;
import memolab.grader.grading.GradingResult;
import memolab.grader.grading.SubmissionGrader;
import memolab.grader.score.TestOutcome;
import memolab.grader.template.StudentTemplate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The student template as a new user gets it: written by {@code release} into an empty
 * folder, it builds on its own, grades the stubs at 0, and with the reference copied over the
 * stubs its Classroom 50 autograder writes a valid {@code result.json} with the full visible
 * score. A broken submission still gets a result with a reason.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class ReleaseTest {

    /** The visible points: every category but the hidden tests' share of the 100. */
    static final int VISIBLE_POINTS = 82;

    static final Map<String, String> RUNNER = Map.of(
            "CLASSROOM", "cs101", "ASSIGNMENT", "memolab-lru", "USERNAME", "alice",
            "SUBMISSION_TAG", "submit/20261125T120000Z-abc1234",
            "COMMIT_URL", "https://github.invalid/cs101/memolab-lru-alice/commit/abc1234",
            "RELEASE_URL", "https://github.invalid/cs101/memolab-lru-alice/releases/tag/submit%2F20261125T120000Z-abc1234");

    @TempDir
    static Path temp;

    private Path template;
    private Path course;
    private String releaseOutput;

    @BeforeAll
    void release() {
        template = temp.resolve("template");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = GraderCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        course = temp.resolve("course");
        int code = cli.execute("release", "--repo", Submissions.REPO.toString(), "--out", template.toString(),
                "--course-out", course.toString(), "--template-repo", "cs101/memolab-template", "--late", "grace=15m,10%/day");
        releaseOutput = out.toString();
        assertThat(code).as("release's exit code; it said:%n%s%s", out, err).isEqualTo(GraderCli.OK);
    }

    private List<String> paths() throws IOException {
        try (Stream<Path> files = Files.walk(template)) {
            return files.filter(Files::isRegularFile).map(f -> template.relativize(f).toString().replace('\\', '/')).sorted().toList();
        }
    }

    @Test
    @Order(1)
    @DisplayName("the template holds what a student needs, and no solution, hidden test or instructor tool")
    void holdsNoInstructorMaterial() throws IOException {
        List<String> paths = paths();
        assertThat(paths).contains("mvnw", "mvnw.cmd", ".mvn/wrapper/maven-wrapper.properties", "pom.xml", "README.md",
                "exercises/pom.xml", "exercises/src/main/java/memolab/LruCache.java", "exercises/src/given/java/memolab/CacheStats.java",
                "grader/kit/pom.xml", "grader/suite/pom.xml", "grader/suite/src/main/java/memolab/grader/suite/LruExamplesTest.java",
                "grader/kit/src/main/java/memolab/grader/score/ScoreTable.java",
                ".github/workflows/memolab.yml",
                StudentTemplate.MANIFEST);
        assertThat(paths).noneMatch(p -> p.startsWith("solutions/") || p.contains("/suite/Hidden") || p.contains("/selfcheck/")
                || p.contains("/cli/") || p.contains("/grading/") || p.contains("/runner/") || p.contains("src/test/resources/corpus")
                || p.contains("gradescope") || p.startsWith("classroom50/")
                || p.contains("/src/test/") && !p.equals("exercises/src/test/java/memolab/LruCacheTest.java") || p.startsWith("grader/tools/")
                || p.startsWith("grader/proofs/") || p.startsWith("grader/bench/") || p.equals("grader/pom.xml") || p.endsWith("autograde.yaml") || p.endsWith("autograde.yml"));
        assertThat(Files.readString(template.resolve("exercises/src/main/java/memolab/LruCache.java")))
                .isEqualTo(Files.readString(Submissions.STUBS.resolve("LruCache.java")));
        for (String pom : List.of("pom.xml", "grader/kit/pom.xml", "grader/suite/pom.xml", "exercises/pom.xml")) {
            assertThat(Files.readString(template.resolve(pom))).as(pom)
                    .doesNotContain("memolab-solutions").doesNotContain("memolab-grader-tools").doesNotContainPattern("Hidden\\w*Test")
                    .doesNotContain("picocli").doesNotContain("pitest").doesNotContain("@");
        }
        // JaCoCo only where the student's own tests run (their coverage, for the score table's last lines).
        for (String pom : List.of("grader/kit/pom.xml", "grader/suite/pom.xml")) {
            assertThat(Files.readString(template.resolve(pom))).as(pom).doesNotContain("jacoco");
        }
        assertThat(Files.readString(template.resolve("exercises/src/test/java/memolab/LruCacheTest.java")))
                .as("the starter test the student's tests begin with").contains("@Test", "What makes a good test of a cache");
        assertThat(template.resolve("mvnw")).isExecutable();
        assertThat(paths).as("the lesson, without the instructor guide").contains("docs/README.md", "docs/performance.md")
                .doesNotContain("docs/6-instructor-guide.md");
        java.util.regex.Pattern link = java.util.regex.Pattern.compile("\\]\\(([^)#:\\s]+)(#[^)]*)?\\)");
        for (String page : paths.stream().filter(p -> p.startsWith("docs/") && p.endsWith(".md")).toList()) {
            String text = Files.readString(template.resolve(page));
            assertThat(text).as(page).doesNotContain("course only").doesNotContain("-Pbench").doesNotContain("corpus name");
            java.util.regex.Matcher links = link.matcher(text);
            while (links.find()) {
                assertThat(template.resolve(page).getParent().resolve(links.group(1)).normalize())
                        .as("%s links to %s", page, links.group(1)).exists();
            }
        }
        assertThat(course.resolve("classroom50/autograder.py")).exists();
        assertThat(course.resolve("classroom50/memolab-grader-visible.jar")).exists();
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(course.resolve("classroom50/memolab-grader-visible.jar").toFile())) {
            assertThat(jar.stream().map(java.util.jar.JarEntry::getName)).as("the public bundle's jar")
                    .anyMatch(n -> n.equals("memolab/grader/suite/LruExamplesTest.class"))
                    .noneMatch(n -> n.startsWith("memolab/grader/suite/Hidden"))
                    .as("the public bundle's jar holds no bug of the corpus, no reference source (Your tests: final grading's)")
                    .noneMatch(n -> n.startsWith("memolab/grader/bugs/") || n.startsWith("memolab/grader/trusted/"));
        }
        assertThat(course.resolve("classroom50/memolab-grader-visible.jar").toFile().length())
                .as("the bundle must fit Classroom 50's 10 MiB").isLessThan(10L * 1024 * 1024 - 64 * 1024);
        JsonObject entry = JsonParser.parseString(Files.readString(course.resolve("classroom50/assignment.json"))).getAsJsonObject();
        assertThat(entry.keySet()).contains("slug", "name", "mode", "autograder", "template", "runtime");
        assertThat(entry.getAsJsonObject("template").get("repo").getAsString()).isEqualTo("memolab-template");
        try (java.nio.file.FileSystem zip = java.nio.file.FileSystems.newFileSystem(course.resolve("gradescope/autograder.zip"),
                Map.of("enablePosixFileAttributes", "true"));
             Stream<Path> entries = Files.list(zip.getPath("/"))) {
            assertThat(entries.map(p -> p.getFileName().toString().replace("/", ""))).containsExactlyInAnyOrder(
                    "setup.sh", "run_autograder", "memolab-grader.jar", StudentTemplate.MANIFEST, StudentTemplate.LATE_POLICY);
            assertThat(Files.readString(zip.getPath("/" + StudentTemplate.LATE_POLICY))).as("release --late's policy, for run_autograder")
                    .isEqualTo("grace=15m,10%/day\n");
            assertThat(Files.getPosixFilePermissions(zip.getPath("/run_autograder")))
                    .as("run_autograder, executable as Gradescope runs it").contains(java.nio.file.attribute.PosixFilePermission.OWNER_EXECUTE);
        }
        assertThat(releaseOutput).contains(VISIBLE_POINTS + " points");
    }

    @Test
    @Order(2)
    @DisplayName("the manifest fingerprints every file but the student's own, and matches the files")
    void manifestMatchesTheFiles() throws IOException {
        Map<String, String> manifest = StudentTemplate.readManifest(template.resolve(StudentTemplate.MANIFEST));
        assertThat(manifest).containsKeys("pom.xml", "grader/kit/pom.xml", "grader/suite/pom.xml", "mvnw", ".github/workflows/memolab.yml",
                "grader/suite/src/main/java/memolab/grader/suite/LruExamplesTest.java", "exercises/src/given/java/memolab/CacheStats.java");
        assertThat(manifest.keySet()).noneMatch(p -> p.startsWith("exercises/src/main/java/") || p.equals("README.md"));
        for (Map.Entry<String, String> entry : manifest.entrySet()) {
            assertThat(StudentTemplate.fingerprint(Files.readAllBytes(template.resolve(entry.getKey())))).as(entry.getKey())
                    .isEqualTo(entry.getValue());
        }
        byte[] crlf = Files.readString(template.resolve("pom.xml")).replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        assertThat(StudentTemplate.fingerprint(crlf)).as("a checkout with Windows line endings is not an edit").isEqualTo(manifest.get("pom.xml"));
    }

    @Test
    @Order(2)
    @DisplayName("the template's ./mvnw test runs the graded tests with the JVM flags the grader gives the suite's JVM")
    void studentRunCompilesAsTheGrader() throws IOException {
        String flags = String.join(" ", SubmissionGrader.SUITE_JVM_FLAGS);
        assertThat(flags).as("the grader's flags, from the parent pom's memolab.suiteJvmFlags").isNotBlank();
        assertThat(SubmissionGrader.SUITE_JVM_FLAGS).as("the suite's JVM keeps its memory as the grader's other JVMs do")
                .containsAll(SubmissionGrader.SMALL_HEAP_FLAGS);
        assertThat(Files.readString(template.resolve("pom.xml")))
                .contains("<memolab.suiteJvmFlags>" + flags + "</memolab.suiteJvmFlags>");
        assertThat(Files.readString(template.resolve("grader/suite/pom.xml")))
                .as("the graded tests' Surefire run").contains("<argLine>${memolab.suiteJvmFlags}</argLine>");
    }

    @Test
    @Order(3)
    @DisplayName("in the template, ./mvnw test grades the stubs: it fails with 0 of the visible points, also on the job summary")
    void stubsScoreZero() throws Exception {
        Path summary = temp.resolve("step-summary.md"); // as GitHub Actions passes it to the workflow's step
        Files.writeString(summary, "## an earlier step's summary\n");
        Run run = run(List.of("sh", "./mvnw", "-B", "test"), Map.of("GITHUB_STEP_SUMMARY", summary.toString()));
        assertThat(run.exitCode).as("exit code of ./mvnw test on the stubs; output:%n%s", run.tail()).isNotZero();
        assertThat(run.output).containsPattern("(?m)^ +Total +0 / " + VISIBLE_POINTS + "$");
        String end = run.output.substring(run.output.lastIndexOf("MemoLab score: visible tests"));
        assertThat(end).as("the score table and what to fix first come last, after the test runner's list of failures")
                .contains("Fix first", "Where to read about them").doesNotContain("Tests that lost points")
                .doesNotContainPattern("\\[ERROR\\] +\\w+Test\\.")
                .contains("MemoLab: 0 / " + VISIBLE_POINTS + " points. The score table above says what to fix first.");
        assertThat(end.lines().count()).as("lines from the table's title to the end of the output; they fit a terminal:%n%s", end)
                .isLessThan(60);
        String details = run.output.substring(run.output.indexOf("Tests that lost points, in rubric order:"),
                run.output.indexOf("[ERROR] Failures:"));
        assertThat(details).as("the lost tests' messages quote the student's frames, no frame of the tests or the libraries")
                .contains("at memolab.LruCache.<init>(LruCache.java:")
                .doesNotContain("at memolab.grader.suite.LruExamplesTest", "at org.assertj", "remaining lines not displayed");
        assertThat(Files.readString(summary)).as("the job summary, appended to")
                .startsWith("## an earlier step's summary\n## MemoLab score: 0 / " + VISIBLE_POINTS + " (visible tests)")
                .contains("| 1 | LRU behaviour: examples | 0 / 19 | 0 / 19 |", "## Tests that lost points");
    }

    @Test
    @Order(4)
    @DisplayName("with the reference over the stubs, the Classroom 50 autograder grades with the bundle's jar: full marks, "
            + "the feedback once on the summary page")
    void referenceEarnsFullVisibleScore() throws Exception {
        for (String file : List.of("LruCache.java", "Fibonacci.java")) {
            Files.copy(Submissions.REFERENCE.resolve(file), template.resolve("exercises/src/main/java/memolab").resolve(file),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Path summary = temp.resolve("autograde-summary.md");
        Map<String, String> env = new java.util.HashMap<>(withBundle());
        env.put("GITHUB_STEP_SUMMARY", summary.toString());
        Run run = run(autograder(), env);
        assertThat(run.output).as("the autograder's log").contains("memolab-grader-visible.jar grade");
        assertThat(summary).as("the summary page: Classroom 50's runner copies release-body.md there, nobody else")
                .doesNotExist();
        assertThat(run.exitCode).as("autograder.py's exit code; output:%n%s", run.tail()).isZero();
        JsonObject result = validResult(template.resolve("result.json"));
        assertThat(result.get("score").getAsInt()).isEqualTo(VISIBLE_POINTS);
        assertThat(result.get("max-score").getAsInt()).isEqualTo(VISIBLE_POINTS);
        assertThat(result.get("owner").getAsString()).isEqualTo("alice");
        assertThat(result.getAsJsonArray("tests")).hasSize(42).allMatch(t -> t.getAsJsonObject().get("passed").getAsBoolean());
        assertThat(Files.readString(template.resolve("release-body.md"))).contains("**Score: 82 / 82**");
        // Chapter 4's first step, as a student runs it: one nested group of the examples alone.
        Run step = run(List.of("sh", "./mvnw", "-B", "test", "-Dtest=LruExamplesTest$WhenNew"), Map.of());
        assertThat(step.exitCode).as("./mvnw test -Dtest='LruExamplesTest$WhenNew'; output:%n%s", step.tail()).isZero();
        assertThat(step.output).as("the score table of step 1: its two tests, both passed")
                .containsPattern("(?m)^1   LRU behaviour: examples +2 / 2 +2 / 2$").contains("Every graded test passed.");
    }

    @Test
    @Order(5)
    @DisplayName("code that does not compile still gets a valid result: 0 points, and the compiler's words; a folder "
            + "committed as result.json and a link as release-body.md do not stand in its way")
    void brokenCodeGetsAResult() throws Exception {
        Files.deleteIfExists(template.resolve("result.json")); // the last test's results
        Files.deleteIfExists(template.resolve("release-body.md"));
        Files.createDirectories(template.resolve("result.json/inside"));
        Files.createSymbolicLink(template.resolve("release-body.md"), Files.createFile(temp.resolve("elsewhere.md")));
        Path cache = template.resolve("exercises/src/main/java/memolab/LruCache.java");
        Files.writeString(cache, Files.readString(cache).replaceFirst("public int size\\(\\) \\{", "public int size() { int x = ;"));
        Run run = run(autograder(), withBundle());
        assertThat(run.exitCode).as("autograder.py's exit code; output:%n%s", run.tail()).isZero();
        JsonObject result = validResult(template.resolve("result.json"));
        assertThat(result.get("score").getAsInt()).isZero();
        assertThat(result.get("max-score").getAsInt()).isEqualTo(VISIBLE_POINTS);
        assertThat(Files.readString(template.resolve("release-body.md"))).contains("does not compile", "LruCache.java");
        assertThat(template.resolve("release-body.md")).isRegularFile();
        assertThat(temp.resolve("elsewhere.md")).isEmptyFile();
        assertThat(run.output).contains("result.json in the repository was a folder", "release-body.md in the repository was a link");
    }

    @Test
    @Order(6)
    @DisplayName("grade flags a repository whose course files were edited, added to or deleted, and not an untouched one")
    void gradeFlagsEditedCourseFiles() throws Exception {
        Path honest = copyOfTemplate("honest");
        Path edited = copyOfTemplate("edited");
        Path examples = edited.resolve("grader/suite/src/main/java/memolab/grader/suite/LruExamplesTest.java");
        Files.writeString(examples, Files.readString(examples).replace("@Test", "@Test @org.junit.jupiter.api.Disabled"));
        Files.writeString(edited.resolve("grader/suite/src/main/java/memolab/grader/suite/Extra.java"), "class Extra { }\n");
        Files.delete(edited.resolve("mvnw.cmd"));
        // Classroom 50's shim, rewritten to publish a score of its own.
        Files.createDirectories(edited.resolve(".github/workflows"));
        Files.writeString(edited.resolve(".github/workflows/autograde.yaml"), "name: Autograde\non: push\njobs:\n  grade:\n"
                + "    runs-on: ubuntu-latest\n    permissions:\n      contents: write\n    steps:\n"
                + "      - run: echo '{\"score\": 100}' > result.json\n");
        Files.writeString(honest.resolve("pom.xml"), Files.readString(honest.resolve("pom.xml")).replace("\n", "\r\n"));

        Path out = temp.resolve("tamper-out");
        CommandLine cli = GraderCli.commandLine();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute("grade", "--jobs", "2", "--template", template.toString(), "--out", out.toString(),
                honest.toString(), edited.toString());
        assertThat(code).as("grade's exit code; it said:%n%s", err).isEqualTo(GraderCli.OK);

        List<String> rows = Files.readAllLines(out.resolve("gradebook.csv"));
        assertThat(rows.get(0)).endsWith(",flags,submitted_at,deadline,late_by_hours,penalty_percent,similarity,similar_to");
        assertThat(rows).anyMatch(r -> r.startsWith("honest,") && r.endsWith(",,,"));
        assertThat(rows).anyMatch(r -> r.startsWith("edited,") && r.endsWith(",\"changed course files: 4\",,,,,,"));
        assertThat(Files.readString(out.resolve("edited/feedback.md"))).contains("FILES OF THE COURSE WERE CHANGED",
                "edited: `grader/suite/src/main/java/memolab/grader/suite/LruExamplesTest.java`",
                "added: `grader/suite/src/main/java/memolab/grader/suite/Extra.java`", "missing: `mvnw.cmd`",
                "edited: `.github/workflows/autograde.yaml` (Classroom 50's autograde workflow");
        assertThat(Files.readString(out.resolve("honest/feedback.md"))).doesNotContain("FILES OF THE COURSE WERE CHANGED");
    }

    @Test
    @Order(7)
    @DisplayName("a push that empties the visible tests and edits the pom still scores what its code earns: 0 on the stubs")
    void editedTestsDoNotRaiseTheScore() throws Exception {
        Path pushed = copyOfTemplate("edited-tests");
        for (String file : List.of("LruCache.java", "Fibonacci.java")) {
            Files.copy(Submissions.STUBS.resolve(file), pushed.resolve("exercises/src/main/java/memolab").resolve(file),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        try (Stream<Path> tests = Files.list(pushed.resolve("grader/suite/src/main/java/memolab/grader/suite"))) {
            for (Path test : tests.filter(p -> p.toString().endsWith("Test.java")).toList()) {
                Files.writeString(test, Files.readString(test).replaceAll("(?m)^(\\s*void \\w+\\(\\)[^{]*\\{)", "$1 if (true) return;"));
            }
        }
        Path pom = pushed.resolve("grader/suite/pom.xml");
        Files.writeString(pom, Files.readString(pom).replace("<excludedGroups>hidden</excludedGroups>",
                "<excludedGroups>hidden</excludedGroups><!-- edited -->"));
        Run run = runIn(pushed, autograder(), withBundle());
        assertThat(run.exitCode).as("autograder.py's exit code; output:%n%s", run.tail()).isZero();
        JsonObject result = validResult(pushed.resolve("result.json"));
        assertThat(result.get("score").getAsInt()).as("the score of the stubs, whatever the repository's tests say").isZero();
    }

    @Test
    @Order(8)
    @DisplayName("an endless loop still gets a result within the autograder's limits")
    void endlessLoopGetsAResult() throws Exception {
        Path pushed = copyOfTemplate("endless-loop");
        Path memolab = pushed.resolve("exercises/src/main/java/memolab");
        for (String file : List.of("LruCache.java", "Fibonacci.java")) {
            Files.copy(Submissions.REFERENCE.resolve(file), memolab.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        try (Stream<Path> variant = Files.list(Submissions.variantSources(Submissions.HOSTILE, "infinite-loop"))) {
            for (Path file : variant.toList()) {
                Files.copy(file, memolab.resolve(file.getFileName().toString()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Map<String, String> env = new java.util.HashMap<>(withBundle());
        env.put("MEMOLAB_SUITE_SECONDS", "12"); // the same limits, shorter (before a third test's own 5 s ends)
        Run run = runIn(pushed, autograder(), env);
        assertThat(run.exitCode).as("autograder.py's exit code; output:%n%s", run.tail()).isZero();
        JsonObject result = validResult(pushed.resolve("result.json"));
        assertThat(result.get("score").getAsInt()).isLessThan(VISIBLE_POINTS);
        assertThat(Files.readString(pushed.resolve("release-body.md"))).contains("stopped after 12 s");
    }

    @Test
    @Order(9)
    @DisplayName("without the jar in its bundle, the autograder says why and grades with the repository's own tests")
    void withoutTheJarItFallsBackAndSaysWhy() throws Exception {
        Path alone = Files.createDirectories(temp.resolve("autograder-alone"));
        Files.copy(course.resolve("classroom50/autograder.py"), alone.resolve("autograder.py"));
        Run run = run(List.of("python3", alone.resolve("autograder.py").toString()), RUNNER);
        assertThat(run.exitCode).as("autograder.py's exit code; output:%n%s", run.tail()).isZero();
        assertThat(run.output).contains("memolab-grader-visible.jar is not in the bundle", "which a student can edit");
        assertThat(validResult(template.resolve("result.json")).get("score").getAsInt())
                .as("the code left broken by the test before").isZero();
    }

    @Test
    @Order(10)
    @DisplayName("the bundle's visible jar, asked for the similarity report it leaves out, says so before grading anything")
    void visibleJarRefusesSimilarityUpFront() throws Exception {
        Path reports = temp.resolve("similarity-with-visible-jar");
        Run run = run(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                course.resolve("classroom50/memolab-grader-visible.jar").toString(), "grade", "--similarity",
                "--out", reports.toString(), template.toString()), Map.of());
        assertThat(run.exitCode).as("exit code; output:%n%s", run.tail()).isEqualTo(GraderCli.USAGE);
        assertThat(run.output).contains("--similarity needs JPlag, which this jar leaves out").doesNotContain("Graded ");
        assertThat(reports).as("nothing graded, nothing written").doesNotExist();
    }

    /** The runner's variables, and the bundle folder release wrote, as Classroom 50 unpacks it. */
    /**
     * The corpus's bugs whose code never returns from some test, each pushed as a student
     * pushes it: the student's own {@code ./mvnw test} in the released template (one JVM, the
     * looping threads left running beside the later tests) and final grading ({@code grade
     * --hidden}: a fresh JVM after each such test) must give every visible test the same
     * outcome. The bugs that return from every test are compared in {@code CorpusTest}.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fib-plain-recursion", "capacity-one-loops"})
    @Order(11)
    @DisplayName("a bug that loops: the student's ./mvnw test and final grading agree on every visible test")
    void loopingBugGradesAsTheStudentsRunShowed(String variant) throws Exception {
        Path pushed = copyOfTemplate("agree-" + variant);
        Path sources = pushed.resolve("exercises/src/main/java/memolab");
        for (Path dir : List.of(Submissions.REFERENCE, Submissions.variantSources(Submissions.CORPUS, variant))) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.copy(file, sources.resolve(file.getFileName().toString()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Path studentResult = Files.createDirectories(temp.resolve("agree-result-" + variant));
        Run student = runIn(pushed, List.of("sh", "./mvnw", "-B", "test", "-Dmemolab.classroom50=" + studentResult), RUNNER);
        Map<String, Boolean> studentRun = passedByTest(validResult(studentResult.resolve("result.json")));
        assertThat(studentRun).as("the student's run; output:%n%s", student.tail()).hasSize(42);

        GradingPlan plan = GradingPlan.prepare(temp.resolve("agree-plan"), true);
        GradingResult graded = new SubmissionGrader(plan, temp.resolve("agree-work"), true, 300).grade(pushed);
        List<TestOutcome> visible = graded.outcomes().stream().filter(o -> !o.hidden()).toList();
        Map<String, Boolean> finalGrading = passedByTest(JsonParser.parseString(
                Classroom50.resultJson(visible, RUNNER, java.time.Instant.now())).getAsJsonObject());
        assertThat(finalGrading).as("%s: each visible test passed (true) or not in final grading, against the student's "
                + "run; final grading said:%n%s", variant, String.join("\n", graded.problems())).isEqualTo(studentRun);
    }

    private static Map<String, Boolean> passedByTest(JsonObject result) {
        Map<String, Boolean> passed = new java.util.TreeMap<>();
        result.getAsJsonArray("tests").forEach(t -> passed.put(t.getAsJsonObject().get("test-name").getAsString(),
                t.getAsJsonObject().get("passed").getAsBoolean()));
        return passed;
    }

    private Map<String, String> withBundle() {
        Map<String, String> env = new java.util.HashMap<>(RUNNER);
        env.put("CLASSROOM50_BUNDLE_DIR", course.resolve("classroom50").toString());
        return env;
    }

    /** Runs the bundle's autograder.py, as Classroom 50's runner does: from the bundle, in the student's checkout. */
    private List<String> autograder() {
        return List.of("python3", course.resolve("classroom50/autograder.py").toString());
    }

    /** Chapter 4's steps: the LruCache methods each writes, in order, and the group of tests it runs alone. */
    private static final List<Map.Entry<String, List<String>>> STEPS = List.of(
            Map.entry("WhenNew", List.of("LruCache", "size", "capacity", "keys", "stats")),
            Map.entry("GetAndPut", List.of("get", "put")),
            Map.entry("OtherOperations", List.of("containsKey", "remove", "clear")),
            Map.entry("ComputeIfAbsent", List.of("computeIfAbsent")));

    @Test
    @Order(12)
    @DisplayName("chapter 4's steps run one at a time: a cache written up to step k passes every test step k's command selects")
    void chapterFourStepsRunAlone() throws Exception {
        Path pushed = copyOfTemplate("steps");
        Path cache = pushed.resolve("exercises/src/main/java/memolab/LruCache.java");
        Files.copy(Submissions.REFERENCE.resolve("Fibonacci.java"), cache.resolveSibling("Fibonacci.java"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        String reference = Files.readString(Submissions.REFERENCE.resolve("LruCache.java"));
        java.util.Set<String> notYet = new java.util.HashSet<>();
        STEPS.forEach(step -> notYet.addAll(step.getValue()));
        for (Map.Entry<String, List<String>> step : STEPS) {
            step.getValue().forEach(notYet::remove);
            Files.writeString(cache, notWrittenYet(reference, notYet));
            String selected = "LruExamplesTest$" + step.getKey();
            Run run = runIn(pushed, List.of("sh", "./mvnw", "-B", "test", "-Dtest=" + selected), Map.of());
            assertThat(run.exitCode).as("./mvnw test -Dtest='%s' with only %s written; output:%n%s", selected,
                    step.getValue(), run.tail()).isZero();
            assertThat(run.output).as("the score table of step %s", step.getKey())
                    .contains("Every graded test passed.", "visible points in tests this command did not select");
        }
    }

    @Test
    @Order(13)
    @DisplayName("a test of the student's own that never ends fails after the time final grading gives a test, named; "
            + "./mvnw test goes on to the graded tests and the score table")
    void loopingOwnTestIsStopped() throws Exception {
        Path pushed = copyOfTemplate("own-test-loops");
        for (String file : List.of("LruCache.java", "Fibonacci.java")) {
            Files.copy(Submissions.REFERENCE.resolve(file), pushed.resolve("exercises/src/main/java/memolab").resolve(file),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        // A mistake students make: filling a cache "until it holds one more than its capacity", which it never does.
        Files.writeString(pushed.resolve("exercises/src/test/java/memolab/FillTest.java"), """
                package memolab;

                import static org.assertj.core.api.Assertions.assertThat;

                import org.junit.jupiter.api.Test;

                class FillTest {
                    @Test
                    void fillsPastItsCapacity() {
                        LruCache<Integer, Integer> cache = new LruCache<>(2);
                        for (int k = 0; cache.size() < 3; k++) {
                            cache.put(k, k);
                        }
                        assertThat(cache.size()).isEqualTo(2);
                    }
                }
                """);
        long start = System.nanoTime();
        Run run = runIn(pushed, List.of("sh", "./mvnw", "-B", "test"), Map.of());
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        assertThat(run.output).as("./mvnw test's output").contains("fillsPastItsCapacity() timed out after "
                + memolab.grader.rules.ExerciseRules.TEST_SECONDS + " seconds");
        assertThat(run.exitCode).as("the graded tests all pass; output:%n%s", run.tail()).isZero();
        assertThat(run.output).contains("Every graded test passed.")
                .containsPattern("Your tests: \\d+ ran on your code, \\d+ passed");
        // The line under the table names it, with the limit and where to look.
        assertThat(run.output.replaceAll("\\s+", " ")).contains("1 of them did not finish within "
                + memolab.grader.rules.ExerciseRules.TEST_SECONDS + " s", "FillTest.fillsPastItsCapacity");
        assertThat(seconds).as("seconds ./mvnw test took (without the limit, Surefire's own ends it after 900)")
                .isLessThan(300);
    }

    /** The reference's LruCache with the named methods' bodies back to a stub's throw. */
    private static String notWrittenYet(String reference, java.util.Set<String> methods) {
        java.util.regex.Pattern signature = java.util.regex.Pattern.compile("^    public [^=(]*?\\b(\\w+)\\(.*\\) \\{$");
        StringBuilder out = new StringBuilder();
        boolean skipping = false;
        for (String line : reference.split("\n", -1)) {
            if (skipping) {
                if (line.equals("    }")) {
                    out.append("        throw new UnsupportedOperationException(\"not written yet\");\n    }\n");
                    skipping = false;
                }
                continue;
            }
            out.append(line).append('\n');
            java.util.regex.Matcher method = signature.matcher(line);
            skipping = method.matches() && methods.contains(method.group(1));
        }
        return out.toString();
    }

    private Path copyOfTemplate(String name) throws IOException {
        Path copy = temp.resolve("class").resolve(name);
        try (Stream<Path> files = Files.walk(template)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String path = template.relativize(file).toString();
                if (!path.contains("target")) {
                    Path target = copy.resolve(path);
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target);
                }
            }
        }
        return copy;
    }

    /**
     * Checks a result against Classroom 50's contract ({@code classroom50/result/v1}), as its
     * runner and score collector do: the required fields and their types, the identity of this
     * run, the submission tag, the time format, and scores that add up.
     */
    static JsonObject validResult(Path file) throws IOException {
        JsonObject result = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        assertThat(result.keySet()).containsExactlyInAnyOrder("schema", "classroom", "assignment", "assignment_type", "owner",
                "submission", "commit", "release", "review", "datetime", "score", "max-score", "tests");
        assertThat(result.get("schema").getAsString()).isEqualTo("classroom50/result/v1");
        assertThat(result.get("classroom").getAsString()).isEqualTo(RUNNER.get("CLASSROOM"));
        assertThat(result.get("assignment").getAsString()).isEqualTo(RUNNER.get("ASSIGNMENT"));
        assertThat(result.get("assignment_type").getAsString()).isIn("individual", "group");
        assertThat(result.get("submission").getAsString()).startsWith("submit/");
        for (String field : List.of("owner", "commit", "release", "review")) {
            assertThat(result.get(field).getAsString()).as(field).isNotBlank();
        }
        assertThat(result.get("datetime").getAsString()).matches("\\d{4}-\\d{2}-\\d{2}T([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\dZ");
        int score = integer(result.get("score"));
        int max = integer(result.get("max-score"));
        assertThat(score).isBetween(0, max);
        int sum = 0;
        int maxSum = 0;
        Set<String> names = new HashSet<>();
        for (JsonElement element : result.getAsJsonArray("tests")) {
            JsonObject test = element.getAsJsonObject();
            String name = test.get("test-name").getAsString();
            assertThat(name).isNotBlank();
            assertThat(name.getBytes(StandardCharsets.UTF_8).length).as("bytes of %s", name).isLessThanOrEqualTo(100);
            assertThat(names.add(name)).as("test names are unique: %s", name).isTrue();
            assertThat(test.get("passed").getAsJsonPrimitive().isBoolean()).isTrue();
            int testScore = integer(test.get("score"));
            int testMax = integer(test.get("max-score"));
            assertThat(testScore).isBetween(0, testMax);
            sum += testScore;
            maxSum += testMax;
        }
        assertThat(sum).as("the tests' scores add up to the score").isEqualTo(score);
        assertThat(maxSum).as("the tests' max-scores add up to the max-score").isEqualTo(max);
        return result;
    }

    private static int integer(JsonElement element) {
        assertThat(element.getAsJsonPrimitive().isNumber()).isTrue();
        assertThat(element.getAsString()).matches("\\d+");
        return element.getAsInt();
    }

    private record Run(int exitCode, String output) {
        String tail() {
            return output.length() <= 6000 ? output : output.substring(output.length() - 6000);
        }
    }

    private Run run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        return runIn(template, command, env);
    }

    private Run runIn(Path dir, List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        Path log = temp.resolve("run.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("GITHUB_STEP_SUMMARY"); // only where a test asks for it
        builder.environment().remove("MAVEN_ARGS");
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
