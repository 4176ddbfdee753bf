package memolab.grader.runner;

import java.net.URL;
import java.net.URLClassLoader;

/**
 * Loads a submission's classes (package {@code memolab}) and the graded suite's classes
 * ({@code memolab.grader.suite}) ahead of its parent, so that the suite's tests link against
 * the submission rather than whatever implementation the parent happens to hold. Every
 * other class (JUnit, AssertJ, the grader's own tools, the JDK) comes from the parent, so
 * the test engine and the annotations it reads are shared, even where the suite and the
 * tools sit in the same jar.
 */
public final class SubmissionClassLoader extends URLClassLoader {

    static {
        registerAsParallelCapable();
    }

    /**
     * @param urls   the submission's class folders, then the suite's
     * @param parent the loader of the test engine and the grader's tools
     */
    public SubmissionClassLoader(URL[] urls, ClassLoader parent) {
        super("memolab-submission", urls, parent);
    }

    /** The student API (package {@code memolab}, no sub-package) and the graded suite. */
    static boolean isChildFirst(String className) {
        boolean studentApi = className.startsWith("memolab.") && className.indexOf('.', "memolab.".length()) < 0;
        return studentApi || className.startsWith(SuiteRunner.SUITE_PACKAGE + ".");
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null && isChildFirst(name)) {
                try {
                    loaded = findClass(name);
                } catch (ClassNotFoundException notHere) {
                    loaded = null; // not in this submission or suite: the parent may have it
                }
            }
            if (loaded == null) {
                return super.loadClass(name, resolve);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }
}
