package memolab.grader.grading;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The grading step that compares the public constructors and methods of {@code LruCache}
 * and {@code Fibonacci} with the stubs', so that a missing class or a wrong signature is
 * named as such rather than showing up as a crash in every test.
 *
 * <p>It loads the submission's classes without initialising them (no student code runs), in
 * a loader that sees the whole JDK, as the suite's JVM does: a signature that names a class
 * of another module ({@code java.sql.Timestamp}, {@code java.awt.Point}) resolves here as it
 * would there, and the safety gate, not this step, decides whether such a class is allowed.
 * A class that still cannot be linked is the submission's problem, named in its report.
 */
final class ApiCheck {

    private static final List<String> CLASSES = List.of("memolab.LruCache", "memolab.Fibonacci");

    private ApiCheck() {
    }

    /** What is missing or changed, in words for the student; empty when the API matches the stubs'. */
    static List<String> problems(Path stubClasses, Path classes) throws IOException {
        List<String> problems = new ArrayList<>();
        ClassLoader jdk = ClassLoader.getPlatformClassLoader();
        try (URLClassLoader stubs = new URLClassLoader(new URL[] {stubClasses.toUri().toURL()}, jdk);
             URLClassLoader submitted = new URLClassLoader(new URL[] {classes.toUri().toURL()}, jdk)) {
            for (String name : CLASSES) {
                Set<String> expected;
                try {
                    expected = signatures(Class.forName(name, false, stubs));
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new IllegalStateException("the grader's stubs lack " + name, e);
                }
                Set<String> have;
                try {
                    have = signatures(Class.forName(name, false, submitted));
                } catch (ClassNotFoundException e) {
                    problems.add("Missing class " + name + ": it should be in exercises/src/main/java/"
                            + name.replace('.', '/') + ".java.");
                    continue;
                } catch (LinkageError e) {
                    problems.add("The class " + name + " compiled, but the grader could not load it (" + e
                            + "): it names a class that is not there when it runs. Use only the JDK's java.* classes "
                            + "and your own classes of package memolab.");
                    continue;
                }
                for (String signature : expected) {
                    if (!have.contains(signature)) {
                        problems.add("Missing or changed: " + signature + " (the tests call it exactly so; keep the "
                                + "signatures of the stub).");
                    }
                }
            }
        }
        return problems;
    }

    private static Set<String> signatures(Class<?> type) {
        Set<String> signatures = new TreeSet<>();
        Stream.<Executable>concat(Arrays.stream(type.getDeclaredConstructors()), Arrays.stream(type.getDeclaredMethods()))
                .filter(e -> Modifier.isPublic(e.getModifiers()) && !e.isSynthetic())
                .forEach(e -> signatures.add(describe(type, e)));
        return signatures;
    }

    private static String describe(Class<?> type, Executable e) {
        String params = Arrays.stream(e.getGenericParameterTypes()).map(t -> t.getTypeName()).reduce((a, b) -> a + ", " + b).orElse("");
        String returns = e instanceof Method m ? m.getGenericReturnType().getTypeName() + " " : "";
        String name = e instanceof Constructor ? type.getSimpleName() : e.getName();
        return (Modifier.isStatic(e.getModifiers()) ? "static " : "") + returns + type.getSimpleName()
                + (e instanceof Constructor ? "" : "." + name) + "(" + params + ")";
    }
}
