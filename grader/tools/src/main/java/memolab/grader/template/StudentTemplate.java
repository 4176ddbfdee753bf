package memolab.grader.template;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import memolab.grader.Category;
import memolab.grader.score.TestOutcome;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The student template: what a student's repository starts as. It is made of whole modules,
 * each with its pom and main sources: {@code exercises} (the stubs and the given files),
 * {@code grader/kit} (the tools that score) and {@code grader/suite} (the visible graded
 * tests); then the wrapper, the docs, the student README, the workflow, the Classroom 50
 * files, and {@code memolab-manifest.json}: the SHA-256 of every file a student must not
 * edit, which {@code grade} checks submissions against. Solutions, hidden tests, the modules'
 * own tests and the instructor's modules (tools, proofs, bench) stay out; the shipped modules'
 * poms ban any dependency on them, so the template builds on its own.
 *
 * <p>The files come from this repository as they are, except the parent pom, the README, the
 * workflow and the Classroom 50 autograder, which are made from
 * {@code grader/tools/src/student-template}: the parent pom gets the versions of this
 * repository's parent pom, so the two never drift. The course's own files (Classroom 50's
 * bundle and entry, Gradescope's zip) go to a folder of their own ({@link #courseFiles}).
 */
public final class StudentTemplate {

    /** The manifest's file name, at the template's root. */
    public static final String MANIFEST = "memolab-manifest.json";

    /** Where the templates of the generated files live, in this repository. */
    public static final String TEMPLATES = "grader/tools/src/student-template/";

    /** The modules shipped whole: each one's pom and everything under its {@code src/} but its tests. */
    public static final List<String> MODULES = List.of("exercises", "grader/kit", "grader/suite");

    /** Where a student's own tests live ("Your tests"): the template's starter test, theirs to edit. */
    static final String STUDENT_TESTS = "exercises/src/test/java/";

    /** Where the hidden tests live; they never ship. */
    private static final String HIDDEN_TESTS = "grader/suite/src/main/java/memolab/grader/suite/Hidden";

    /** Copied as they are, besides the modules. A folder copies everything under it. */
    private static final List<String> COPIED = List.of(
            "mvnw", "mvnw.cmd", ".mvn/wrapper/maven-wrapper.properties", "docs/");

    /** Pages of the docs for the course alone: the instructor guide. */
    private static final Set<String> COURSE_ONLY_DOCS = Set.of("docs/6-instructor-guide.md");

    /** A passage of the docs for the course alone (how to regenerate figures, grading a class, the instructor guide's links). */
    private static final Pattern COURSE_ONLY = Pattern.compile("<!-- course only -->.*?<!-- /course only -->\\n?", Pattern.DOTALL);

    /** A docs page as students get it: without its course-only passages. Other files as they are. */
    static byte[] studentText(String path, byte[] content) {
        if (!path.startsWith("docs/") || !path.endsWith(".md")) {
            return content;
        }
        String text = new String(content, StandardCharsets.UTF_8);
        return COURSE_ONLY.matcher(text).replaceAll("").getBytes(StandardCharsets.UTF_8);
    }

    /** The parent pom's properties that the template's poms use. */
    private static final Pattern TOKEN = Pattern.compile("@([A-Za-z0-9.-]+)@");

    /**
     * One file of the template.
     *
     * @param path       relative, with forward slashes
     * @param content    the bytes to write
     * @param executable whether it gets the run bit (the wrapper)
     */
    public record TemplateFile(String path, byte[] content, boolean executable) {

        /** Whether a student may edit it: their sources, the README and the docs; nothing else. */
        public boolean isProtected() {
            return !(path.startsWith("exercises/src/main/java/") || path.startsWith(STUDENT_TESTS)
                    || path.equals("README.md") || path.startsWith("docs/")
                    || path.equals(".gitignore") || path.equals(MANIFEST));
        }
    }

    private StudentTemplate() {
    }

    /**
     * This course repository's root, found from {@code start} upwards: the nearest folder that
     * holds the release's templates. Empty outside the repository (a grader jar run elsewhere).
     */
    public static Optional<Path> findRepository(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(TEMPLATES)) && Files.isDirectory(dir.resolve("exercises/src/main/java"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    /**
     * The template's files, manifest included.
     *
     * @param repo    this repository's root
     * @param visible the visible graded tests (checked to be visible ones only)
     */
    public static List<TemplateFile> files(Path repo, List<TestOutcome> visible) throws IOException {
        if (visible.stream().anyMatch(TestOutcome::hidden)) {
            throw new IllegalArgumentException("the template's tests must all be visible ones");
        }
        Map<String, String> tokens = pomProperties(repo.resolve("pom.xml"));
        tokens.put("DOCS", Files.isRegularFile(repo.resolve("docs/README.md"))
                ? "\nRead the lesson first: [docs/README.md](docs/README.md).\n" : "");
        List<TemplateFile> files = new ArrayList<>();
        List<String> copiedPaths = new ArrayList<>(COPIED);
        for (String module : MODULES) {
            copiedPaths.add(module + "/pom.xml");
            copiedPaths.add(module + "/src/");
        }
        for (String copied : copiedPaths) {
            Path source = repo.resolve(copied);
            if (copied.endsWith("/")) {
                if (!Files.isDirectory(source)) {
                    continue; // docs/ may not exist yet
                }
                try (Stream<Path> walk = Files.walk(source)) {
                    for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                        String path = repo.relativize(file).toString().replace('\\', '/');
                        if (!isHiddenTest(path) && (!path.contains("/src/test/") || path.startsWith(STUDENT_TESTS))
                                && !COURSE_ONLY_DOCS.contains(path)) {
                            files.add(new TemplateFile(path, studentText(path, Files.readAllBytes(file)), false));
                        }
                    }
                }
            } else {
                files.add(new TemplateFile(copied, Files.readAllBytes(source), copied.equals("mvnw")));
            }
        }
        files.add(generated(repo, "pom.xml", "pom.xml", tokens));
        files.add(generated(repo, "README.md", "README.md", tokens));
        files.add(generated(repo, "gitignore", ".gitignore", tokens));
        // Maven's own JVM, in the student's repository: it starts, runs its plugins and the score step, and ends within
        // seconds, so the quick compiler alone and the serial collector make ./mvnw test faster (docs/performance.md).
        // The course's repository keeps Maven's defaults: its builds compile the whole grader, where the full JIT pays.
        files.add(generated(repo, "mvn-jvm.config", ".mvn/jvm.config", tokens));
        files.add(generated(repo, "workflows/memolab.yml", ".github/workflows/memolab.yml", tokens));
        files.add(text(MANIFEST, manifestJson(files, tokens.get("project.version"))));
        return files;
    }

    /** In Gradescope's autograder zip: the late policy {@code run_autograder} passes to {@code grade --late}. */
    public static final String LATE_POLICY = "late-policy.txt";

    /** Where {@code ./mvnw package} puts the grader's jars, in this repository. */
    public static final String GRADER_JAR = "grader/target/memolab-grader.jar";
    public static final String VISIBLE_JAR = "grader/target/memolab-grader-visible.jar";

    /**
     * The course's own files, for the instructor, beside the student template: Classroom 50's
     * per-assignment bundle ({@code classroom50/autograder.py} and the grader jar without the
     * hidden tests, to copy into {@code <classroom>/autograders/<slug>/}), its
     * {@code assignments.json} entry, and Gradescope's autograder zip.
     *
     * @param repo          this repository's root, with the jars built
     * @param visible       the visible graded tests
     * @param templateFiles the student template's files (the zip carries its manifest)
     * @param templateRepo  the template repository on GitHub, {@code owner/name[@branch]}
     * @param latePolicy    the late policy Gradescope's autograder applies ({@link #LATE_POLICY}), or null for none
     */
    public static List<TemplateFile> courseFiles(Path repo, List<TestOutcome> visible, List<TemplateFile> templateFiles,
            String templateRepo, String latePolicy) throws IOException {
        Map<String, String> tokens = pomProperties(repo.resolve("pom.xml"));
        tokens.put("CATEGORIES", pythonCategories(visible));
        List<TemplateFile> files = new ArrayList<>();
        files.add(generated(repo, "classroom50/autograder.py", "classroom50/autograder.py", tokens));
        files.add(new TemplateFile("classroom50/memolab-grader-visible.jar", jar(repo, VISIBLE_JAR), false));
        files.add(text("classroom50/assignment.json", assignmentEntry(templateRepo)));
        byte[] manifest = templateFiles.stream().filter(f -> f.path().equals(MANIFEST)).findFirst().orElseThrow().content();
        Map<String, byte[]> autograder = new java.util.HashMap<>(Map.of(
                "setup.sh", Files.readAllBytes(repo.resolve("grader/tools/gradescope/setup.sh")),
                "run_autograder", Files.readAllBytes(repo.resolve("grader/tools/gradescope/run_autograder")),
                "memolab-grader.jar", jar(repo, GRADER_JAR),
                MANIFEST, manifest));
        if (latePolicy != null) {
            autograder.put(LATE_POLICY, (latePolicy.strip() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        files.add(new TemplateFile("gradescope/autograder.zip", zip(autograder), false));
        return files;
    }

    private static byte[] jar(Path repo, String path) throws IOException {
        Path jar = repo.resolve(path);
        if (!Files.isRegularFile(jar)) {
            throw new IOException(path + " is missing: build it first with ./mvnw -B -q package -DskipTests");
        }
        return Files.readAllBytes(jar);
    }

    /**
     * A zip of the given files at its top level, as Gradescope expects its autograder, with
     * {@code run_autograder} and {@code setup.sh} executable (the JDK's zip file system keeps
     * POSIX permissions; a plain ZipOutputStream cannot).
     */
    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        Path file = Files.createTempFile("memolab-autograder", ".zip");
        Files.delete(file);
        try {
            try (java.nio.file.FileSystem zip = java.nio.file.FileSystems.newFileSystem(file,
                    Map.of("create", "true", "enablePosixFileAttributes", "true"))) {
                for (Map.Entry<String, byte[]> entry : new TreeMap<>(entries).entrySet()) {
                    Path inside = zip.getPath(entry.getKey());
                    Files.write(inside, entry.getValue());
                    boolean script = entry.getKey().equals("run_autograder") || entry.getKey().endsWith(".sh");
                    Files.setPosixFilePermissions(inside, PosixFilePermissions.fromString(script ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
            return Files.readAllBytes(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Writes the template into {@code out}, which must be empty or absent. */
    public static void write(List<TemplateFile> files, Path out) throws IOException {
        if (Files.isDirectory(out)) {
            try (Stream<Path> inside = Files.list(out)) {
                if (inside.findAny().isPresent()) {
                    throw new IOException(out + " is not empty: give release an empty or new folder");
                }
            }
        }
        for (TemplateFile file : files) {
            Path target = out.resolve(file.path());
            Files.createDirectories(target.getParent());
            Files.write(target, file.content());
            if (file.executable()) {
                try {
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                } catch (UnsupportedOperationException e) {
                    target.toFile().setExecutable(true, false);
                }
            }
        }
    }

    /** The protected files and their fingerprints, as the manifest lists them. */
    public static Map<String, String> fingerprints(List<TemplateFile> files) {
        Map<String, String> hashes = new TreeMap<>();
        files.stream().filter(TemplateFile::isProtected).forEach(f -> hashes.put(f.path(), fingerprint(f.content())));
        return hashes;
    }

    /**
     * SHA-256 of a file with its line endings made {@code \n}, so that a checkout on Windows
     * (where Git may turn them into {@code \r\n}) is not taken for an edit.
     */
    public static String fingerprint(byte[] content) {
        String text = new String(content, StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.ISO_8859_1)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    static boolean isHiddenTest(String path) {
        return path.startsWith(HIDDEN_TESTS);
    }

    /** A file made from its template in {@code grader/tools/src/student-template}, every {@code @token@} filled in. */
    private static TemplateFile generated(Path repo, String template, String path, Map<String, String> tokens)
            throws IOException {
        String text = Files.readString(repo.resolve(TEMPLATES + template), StandardCharsets.UTF_8);
        Matcher matcher = TOKEN.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = tokens.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException(TEMPLATES + template + " uses " + matcher.group()
                        + ", which neither the parent pom's properties nor the release define");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return text(path, out.toString());
    }

    private static TemplateFile text(String path, String content) {
        return new TemplateFile(path, content.getBytes(StandardCharsets.UTF_8), false);
    }

    /** The parent pom's {@code <properties>} and its version. */
    static Map<String, String> pomProperties(Path pom) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(pom.toFile());
            Element project = document.getDocumentElement();
            Map<String, String> properties = new LinkedHashMap<>();
            for (Node node = project.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element element && element.getTagName().equals("version")) {
                    properties.put("project.version", element.getTextContent().strip());
                }
                if (node instanceof Element element && element.getTagName().equals("properties")) {
                    for (Node p = element.getFirstChild(); p != null; p = p.getNextSibling()) {
                        if (p instanceof Element property) {
                            properties.put(property.getTagName(), property.getTextContent().strip());
                        }
                    }
                }
            }
            return properties;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("cannot read the parent pom " + pom + ": " + e.getMessage(), e);
        }
    }

    /** The categories as a Python list of (number, title, points), for the autograder's fallback result. */
    private static String pythonCategories(List<TestOutcome> visible) {
        return categoryPoints(visible).entrySet().stream()
                .map(e -> "(%d, \"%s\", %d)".formatted(e.getKey().number(), e.getKey().title(), e.getValue()))
                .collect(Collectors.joining(",\n    ", "[\n    ", ",\n]"));
    }

    private static Map<Category, Integer> categoryPoints(List<TestOutcome> visible) {
        Map<Category, Integer> points = new TreeMap<>();
        visible.forEach(o -> points.merge(o.category(), o.points(), Integer::sum));
        return points;
    }

    /**
     * An entry for Classroom 50's {@code assignments.json} ({@code schemas/assignments-v1}): the
     * assignment, the template repository students' repositories are made from, the JDK its
     * runner needs, and the default workflow shim (the grading itself is the bundle's
     * {@code autograder.py}).
     */
    static String assignmentEntry(String templateRepo) {
        Matcher parts = Pattern.compile("([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+)(?:@(.+))?").matcher(templateRepo);
        if (!parts.matches()) {
            throw new IllegalArgumentException("--template-repo must read owner/name or owner/name@branch, not " + templateRepo);
        }
        JsonObject template = new JsonObject();
        template.addProperty("owner", parts.group(1));
        template.addProperty("repo", parts.group(2));
        template.addProperty("branch", parts.group(3) == null ? "main" : parts.group(3));
        JsonObject runtime = new JsonObject();
        runtime.addProperty("runs-on", "ubuntu-latest");
        runtime.addProperty("java", "17");
        JsonObject entry = new JsonObject();
        entry.addProperty("slug", "memolab-lru");
        entry.addProperty("name", "MemoLab: LRU caches and memoization");
        entry.addProperty("mode", "individual");
        entry.addProperty("autograder", "default");
        entry.add("template", template);
        entry.add("runtime", runtime);
        return new GsonBuilder().setPrettyPrinting().create().toJson(entry) + "\n";
    }

    private static String manifestJson(List<TemplateFile> files, String version) {
        JsonObject hashes = new JsonObject();
        fingerprints(files).forEach(hashes::addProperty);
        JsonObject json = new JsonObject();
        json.addProperty("memolab", version);
        json.addProperty("about", "SHA-256 of each file a student must not edit (line endings as \\n). "
                + "Final grading compares a submission's copies with these.");
        json.add("protected", hashes);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(json) + "\n";
    }

    /** Reads a manifest written by {@link #write}: protected path to fingerprint. */
    public static Map<String, String> readManifest(Path manifest) throws IOException {
        JsonObject json = com.google.gson.JsonParser.parseString(Files.readString(manifest, StandardCharsets.UTF_8)).getAsJsonObject();
        Map<String, String> hashes = new TreeMap<>();
        json.getAsJsonObject("protected").entrySet().forEach(e -> hashes.put(e.getKey(), e.getValue().getAsString()));
        return hashes;
    }
}
