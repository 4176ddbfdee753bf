package memolab.grader.suite;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import memolab.LruCache;
import memolab.grader.rules.ExerciseRules;
import memolab.grader.shared.ClassSnapshot;
import memolab.grader.shared.WorkMeter;
import memolab.grader.shared.OwnFirstClassLoader;

/**
 * Runs a timing driver against fresh copies of the student's classes whose {@code assert}
 * statements are off, as they are in production. The tests run with assertions on (so that
 * a student's invariant checks catch mistakes in the behaviour tests), but a check that
 * walks the whole list after every change, which the tutorial recommends while developing,
 * must not be timed as if it were the algorithm.
 *
 * <p>How: a class loader of its own reads the student's classes (package {@code memolab})
 * and the driver class from where they were loaded, with its default assertion status off;
 * everything else (the JDK, the suite's other classes) comes from the suite's loader. The
 * driver implements a JDK interface, so the test calls it without knowing the fresh copies.
 * In final grading the student's classes are defined from the bytes the run's own loader
 * read when it started ({@link ClassSnapshot}), never read again from the folder.
 */
final class WithoutAssertions {

    private WithoutAssertions() {
    }

    /**
     * A new instance of {@code driver}, linked to fresh copies of the student's classes
     * without assertions.
     *
     * @param driver    a class of this package with a constructor taking {@code args}; its nested classes come along
     * @param as        the JDK interface it implements
     * @param argTypes  the constructor's parameter types
     * @param args      the constructor's arguments
     */
    static <T> T load(Class<? extends T> driver, Class<T> as, Class<?>[] argTypes, Object... args) {
        return load(driver, as, argTypes, args, null);
    }

    /**
     * As {@link #load}, with the fresh copies of the student's classes counting their steps
     * ({@link WorkMeter}); empty outside final grading, where no class is so instrumented.
     */
    static <T> Optional<T> loadCountingSteps(Class<? extends T> driver, Class<T> as, Class<?>[] argTypes, Object... args) {
        Optional<UnaryOperator<byte[]>> instrumenter = WorkMeter.instrumenter();
        if (instrumenter.isEmpty() || !(LruCache.class.getClassLoader() instanceof ClassSnapshot)) {
            return Optional.empty();
        }
        return Optional.of(load(driver, as, argTypes, args, instrumenter.get()));
    }

    /**
     * As {@link #load}, with {@code memolab.LruCache} the grader's own (the reference's, which
     * final grading's jar carries under {@link #TRUSTED}) instead of the student's; empty
     * outside final grading.
     */
    static <T> Optional<T> loadOnTrustedCache(Class<? extends T> driver, Class<T> as, Class<?>[] argTypes, Object... args) {
        if (!(LruCache.class.getClassLoader() instanceof ClassSnapshot)
                || WithoutAssertions.class.getClassLoader().getResource(trusted(LruCache.class.getName())) == null) {
            return Optional.empty();
        }
        return Optional.of(load(driver, as, argTypes, args, null, true));
    }

    /** Where the grader's jar keeps the grader's own LruCache, as bytes no class path maps to a class. */
    static final String TRUSTED = "memolab/grader/trusted/";

    /** The resource that holds the grader's own copy of a class. */
    private static String trusted(String className) {
        return TRUSTED + className.replace('.', '/') + ".class";
    }

    private static <T> T load(Class<? extends T> driver, Class<T> as, Class<?>[] argTypes, Object[] args,
            UnaryOperator<byte[]> instrumenter) {
        return load(driver, as, argTypes, args, instrumenter, false);
    }

    private static <T> T load(Class<? extends T> driver, Class<T> as, Class<?>[] argTypes, Object[] args,
            UnaryOperator<byte[]> instrumenter, boolean onTrustedCache) {
        Loader loader = new Loader(List.of(location(LruCache.class), location(driver)), driver.getName(),
                WithoutAssertions.class.getClassLoader(),
                LruCache.class.getClassLoader() instanceof ClassSnapshot snapshot ? snapshot : null, instrumenter, onTrustedCache);
        try {
            Constructor<?> constructor = Class.forName(driver.getName(), true, loader).getDeclaredConstructor(argTypes);
            constructor.setAccessible(true);
            return as.cast(constructor.newInstance(args));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot load the timing driver " + driver.getName(), e);
        }
    }

    private static URL location(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }

    /** Own-first for the student's classes and the driver; assertions off in all it defines. */
    private static final class Loader extends OwnFirstClassLoader {
        private final String driver;
        private final ClassSnapshot snapshot; // the student's classes as the run read them, or null: read the folder
        private final UnaryOperator<byte[]> instrumenter; // adds step counting to the student's classes, or null
        private final boolean onTrustedCache; // LruCache's classes are the grader's own

        Loader(List<URL> urls, String driver, ClassLoader parent, ClassSnapshot snapshot, UnaryOperator<byte[]> instrumenter,
                boolean onTrustedCache) {
            super("memolab-timing", urls.toArray(URL[]::new), parent);
            this.driver = driver;
            this.snapshot = snapshot;
            this.instrumenter = instrumenter;
            this.onTrustedCache = onTrustedCache;
            setDefaultAssertionStatus(false);
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            if (onTrustedCache && (name.equals(LruCache.class.getName()) || name.startsWith(LruCache.class.getName() + "$"))) {
                try (InputStream in = WithoutAssertions.class.getClassLoader().getResourceAsStream(trusted(name))) {
                    if (in == null) {
                        throw new ClassNotFoundException(name + " (the course's LruCache has no such class: only the "
                                + "contract's LruCache is there when final grading runs your Fibonacci on it)");
                    }
                    byte[] own = in.readAllBytes();
                    return defineClass(name, own, 0, own.length);
                } catch (IOException e) {
                    throw new ClassNotFoundException(name, e);
                }
            }
            if (snapshot == null || !ExerciseRules.isStudentClass(name)) {
                return super.findClass(name);
            }
            byte[] bytes = snapshot.classBytes(name);
            if (instrumenter != null) {
                bytes = instrumenter.apply(bytes);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }

        @Override
        protected boolean owns(String name) {
            return ExerciseRules.isStudentClass(name) || name.equals(driver) || name.startsWith(driver + "$");
        }
    }
}
