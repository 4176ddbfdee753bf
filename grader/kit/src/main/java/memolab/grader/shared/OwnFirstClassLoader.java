package memolab.grader.shared;

import java.net.URL;
import java.net.URLClassLoader;

/**
 * A class loader that defines the classes it {@link #owns} itself, never asking its parent
 * for them, and leaves every other class to its parent as usual.
 */
public abstract class OwnFirstClassLoader extends URLClassLoader {

    static {
        registerAsParallelCapable();
    }

    protected OwnFirstClassLoader(String name, URL[] urls, ClassLoader parent) {
        super(name, urls, parent);
    }

    /** Whether this loader defines {@code className} itself. */
    protected abstract boolean owns(String className);

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!owns(name)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                loaded = findClass(name);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }
}
