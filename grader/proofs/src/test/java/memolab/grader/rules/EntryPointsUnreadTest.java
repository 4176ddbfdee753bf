package memolab.grader.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import memolab.grader.selfcheck.Submissions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules read the student's classes with the test libraries' entry points left unread
 * ({@link EntryPointsUnread}), for speed: the verdicts must be those of ArchUnit's own reading.
 */
class EntryPointsUnreadTest {

    @TempDir
    Path temp;

    @Test
    @DisplayName("every entry point left unread is a class whose supertypes are Object and its own library's types")
    void entryPointsNameNoTypeTheRulesAskAbout() {
        for (String name : EntryPointsUnread.ENTRY_POINTS) {
            JavaClass entry = new ClassFileImporter().importClass(load(name)); // ArchUnit's own reading: supertypes resolved
            String library = name.substring(0, name.indexOf('.', name.indexOf('.') + 1)); // org.assertj, org.junit
            List<String> supertypes = new ArrayList<>();
            entry.getAllRawSuperclasses().forEach(t -> supertypes.add(t.getName()));
            entry.getAllRawInterfaces().forEach(t -> supertypes.add(t.getName()));
            assertThat(supertypes).as(name + "'s supertypes")
                    .allMatch(t -> t.equals("java.lang.Object") || t.startsWith(library + "."));
        }
    }

    @Test
    @DisplayName("the rules give the same verdicts on every student test of the course's corpora, and on tests made to slip past them")
    void sameVerdicts() throws IOException {
        Path tests = Submissions.PROOFS.resolve("src/test/resources/your-tests");
        Map<String, List<Path>> corpora = new LinkedHashMap<>();
        corpora.put("reference's tests", sources(Submissions.REPO.resolve("solutions/src/test/java/memolab")));
        corpora.put("starter's tests", sources(Submissions.REPO.resolve("exercises/src/test/java/memolab")));
        corpora.put("tutorial's tests", sources(tests.resolve("tutorial")));
        try (Stream<Path> fixtures = Files.list(tests.resolve("fixtures"))) {
            for (Path fixture : fixtures.sorted().toList()) {
                List<Path> sources = sources(fixture);
                // Not wrapper-main's cache, nor the two that do not compile: helper-class-test's test of a class no cache
                // has, half-written's syntax error.
                if (sources.stream().allMatch(s -> s.getFileName().toString().endsWith("Test.java"))
                        && !List.of("helper-class-test", "half-written").contains(fixture.getFileName().toString())) {
                    corpora.put("fixture " + fixture.getFileName(), sources);
                }
            }
        }
        corpora.put("tests through the entry points", List.of(write("ThroughEntryPointsTest", """
                package memolab;
                import static org.assertj.core.api.Assertions.*;
                import org.junit.jupiter.api.Test;
                class ThroughEntryPointsTest {
                    @Test void stack() {
                        try { assertThat(1).isEqualTo(2); }
                        catch (org.assertj.core.api.SoftAssertionError e) { e.getStackTrace(); }
                        catch (AssertionError e) { e.setStackTrace(new StackTraceElement[0]); }
                    }
                    @Test void files() { assertThat(contentOf(new java.io.File("x"))).isEmpty(); }
                    @Test void thread() {
                        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(1),
                                () -> new Thread(() -> { }).start());
                        org.junit.jupiter.api.Assumptions.assumeTrue(Runtime.getRuntime().availableProcessors() > 0);
                    }
                    @Test void byName() { assertThat(new Object()).extracting("map").isNotNull(); }
                    @Test void soft() {
                        org.assertj.core.api.SoftAssertions.assertSoftly(s -> s.assertThat(1).isOne());
                        org.assertj.core.api.BDDAssertions.then(2).isEqualTo(2);
                    }
                }
                """)));
        int broken = 0;
        for (Map.Entry<String, List<Path>> corpus : corpora.entrySet()) {
            Path classes = compile(corpus.getKey(), corpus.getValue());
            JavaClasses unread = ExerciseRules.importStudentClasses(classes, true);
            JavaClasses read = ExerciseRules.importStudentClasses(classes, false);
            for (ExerciseRules.Rule rule : Stream.concat(ExerciseRules.SAFETY.stream(), ExerciseRules.TEST_SAFETY.stream()).toList()) {
                List<String> expected = rule.violations(read);
                assertThat(rule.violations(unread)).as(corpus.getKey() + ", rule " + rule.name()).isEqualTo(expected);
                broken += expected.isEmpty() ? 0 : 1;
            }
        }
        assertThat(broken).as("rules broken across the corpora (the comparison must see some)").isGreaterThan(10);
    }

    private Path write(String name, String source) throws IOException {
        Path file = Files.createDirectories(temp.resolve("src")).resolve(name + ".java");
        Files.writeString(file, source, StandardCharsets.UTF_8);
        return file;
    }

    private static List<Path> sources(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }

    private Path compile(String name, List<Path> sources) {
        Path out = temp.resolve("classes-" + name.replaceAll("\\W", "-"));
        List<String> arguments = new ArrayList<>(List.of("-proc:none", "-nowarn", "-d", out.toString(),
                "-classpath", System.getProperty("java.class.path")));
        sources.forEach(s -> arguments.add(s.toString()));
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertThat(compiler.run(null, null, null, arguments.toArray(String[]::new))).as("compiling " + name).isZero();
        return out;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, EntryPointsUnreadTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(name + " is not on the class path of the course's pinned libraries", e);
        }
    }
}
