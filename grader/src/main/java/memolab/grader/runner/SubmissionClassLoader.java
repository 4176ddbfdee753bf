package memolab.grader.runner;

import java.net.URL;
import java.net.URLClassLoader;

/**
 * Loads a submission's classes and the graded suite's classes ahead of its parent, so that
 * the suite's tests link against the submission rather than whatever implementation the
 * parent happens to hold. Every other class (JUnit, AssertJ, the grader's own tools, the
 * JDK) comes from the parent, so the test engine and the annotations it reads are shared.
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

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null && name.startsWith("memolab.")) {
                try {
                    loaded = findClass(name);
                } catch (ClassNotFoundException notHere) {
                    loaded = null; // a grader tool: the parent has it
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
