package memolab.grader.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import memolab.grader.rules.ExerciseRules;
import memolab.grader.shared.ClassSnapshot;
import memolab.grader.shared.OwnFirstClassLoader;

/**
 * The class loaders of one graded run, two of them, so that a submission can define the
 * student API and nothing else:
 *
 * <ul>
 *   <li>the <em>student</em> loader reads the submission's class folders and defines only
 *       classes of package {@code memolab} itself (no sub-package); a class file of any
 *       other name there is never read. A student class it lacks is missing, never borrowed
 *       from elsewhere. Every other name goes to the grader's loader (JUnit, AssertJ, the
 *       grader's tools, the JDK).</li>
 *   <li>the <em>suite</em> loader (this class) defines the graded suite's classes
 *       ({@code memolab.grader.suite}) from the suite's own location, ahead of its parent,
 *       so that they link against the submission rather than whatever the grader's loader
 *       holds; every other name goes to the student loader.</li>
 * </ul>
 *
 * <p>The test engine and the annotations it reads are thus shared with the grader, the
 * suite is always the grader's, and the student API is always the submission's.
 */
public final class SubmissionClassLoader extends OwnFirstClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final StudentLoader student;

    private SubmissionClassLoader(URL[] suite, StudentLoader student) {
        super("memolab-suite", suite, student);
        this.student = student;
    }

    /**
     * @param submission the submission's class folders (its classes and the given files)
     * @param suite      the folders or jars of the suite's classes
     * @param parent     the loader of the test engine and the grader's tools
     */
    public static SubmissionClassLoader create(List<URL> submission, List<URL> suite, ClassLoader parent) {
        return new SubmissionClassLoader(suite.toArray(URL[]::new), new StudentLoader(submission.toArray(URL[]::new), parent));
    }

    /** The suite's classes; every other name goes to the parent, the student loader. */
    @Override
    protected boolean owns(String className) {
        return className.startsWith(SuiteRunner.SUITE_PACKAGE + ".");
    }

    @Override
    public void close() throws IOException {
        try {
            super.close();
        } finally {
            student.close();
        }
    }

    /**
     * Defines the submission's classes of package {@code memolab}, and no other, from the bytes
     * of their class files as they were when the run started: what the grader checked is what
     * runs, even if something rewrote the folder later.
     */
    private static final class StudentLoader extends OwnFirstClassLoader implements ClassSnapshot {

        static {
            registerAsParallelCapable();
        }

        private final Map<String, Definition> classes = new HashMap<>();
        private boolean anyJar;                                            // a jar is read as usual, lazily

        private record Definition(byte[] bytes, ProtectionDomain domain) {
        }

        StudentLoader(URL[] urls, ClassLoader parent) {
            super("memolab-submission", urls, parent);
            for (URL url : urls) {
                readFolder(url);
            }
        }

        private void readFolder(URL url) {
            Path folder;
            try {
                folder = Path.of(url.toURI());
            } catch (URISyntaxException | IllegalArgumentException e) {
                anyJar = true;
                return;
            }
            if (!Files.isDirectory(folder)) {
                anyJar = true;
                return;
            }
            Path packageFolder = folder.resolve(ExerciseRules.STUDENT_PACKAGE);
            if (!Files.isDirectory(packageFolder)) {
                return;
            }
            ProtectionDomain domain = new ProtectionDomain(new CodeSource(url, (Certificate[]) null), null, this, null);
            try (Stream<Path> files = Files.list(packageFolder)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".class")).toList()) {
                    String name = ExerciseRules.STUDENT_PACKAGE + "." + file.getFileName().toString().replaceFirst("\\.class$", "");
                    classes.putIfAbsent(name, new Definition(Files.readAllBytes(file), domain));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the submission's classes in " + folder, e);
            }
        }

        @Override
        protected boolean owns(String className) {
            return ExerciseRules.isStudentClass(className);
        }

        @Override
        public byte[] classBytes(String className) throws ClassNotFoundException {
            Definition definition = classes.get(className);
            if (definition != null) {
                return definition.bytes().clone();
            }
            if (anyJar && ExerciseRules.isStudentClass(className)) { // a jar is read as usual, lazily
                try (var in = getResourceAsStream(className.replace('.', '/') + ".class")) {
                    if (in != null) {
                        return in.readAllBytes();
                    }
                } catch (IOException e) {
                    throw new ClassNotFoundException("cannot read " + className, e);
                }
            }
            throw new ClassNotFoundException(className + " was not among the submission's classes when the run started");
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            if (!ExerciseRules.isStudentClass(name)) {
                throw new ClassNotFoundException(name + " is outside package memolab: a submission cannot define it");
            }
            Definition definition = classes.get(name);
            if (definition == null) {
                if (anyJar) {
                    return super.findClass(name);
                }
                throw new ClassNotFoundException(name + " was not among the submission's classes when the run started");
            }
            return defineClass(name, definition.bytes(), 0, definition.bytes().length, definition.domain());
        }
    }
}
