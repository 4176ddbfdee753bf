package memolab.grader.grading;

import java.io.FilePermission;
import java.net.SocketPermission;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkPermission;
import java.nio.file.Path;
import java.security.Permission;
import java.util.ArrayList;
import java.util.List;

/**
 * The file wall around a student's own tests, in the JVM that runs them: a security manager.
 * The safety rules keep a test's code from naming files; this wall holds where a library
 * reads one for it (a JUnit argument source, an AssertJ file assertion), so that no test reads
 * another student's sources, the bug corpus, the grader's files or the cache's class files.
 *
 * <ul>
 *   <li>Always readable: the JDK, the tests' own classes, the random devices. Paths are
 *       judged where their links lead ({@code /proc/self/root/...} is the root).</li>
 *   <li>The JVM's class path and the folder of the cache under test: readable by class
 *       loaders and the service loader; while tests run, by nothing else. Between
 *       runs the runner writes each cache there, and nothing else is ever written.</li>
 *   <li>No socket, no link, no other security manager; while tests run, no change to the
 *       JVM's settings (system properties, the default time zone and locale), which would
 *       outlive the run.</li>
 * </ul>
 *
 * <p>Java 17 allows a security manager (with a warning); Java 18 to 23 need the JVM started
 * with {@code -Djava.security.manager=allow}, which the grader passes them (and not Java 24
 * and later, which would not start with it); from Java 24 there is none, and
 * {@link #install} says so: the rules then stand alone.
 */
final class TestsSandbox extends SecurityManager {

    private final List<Path> always;
    private final List<Path> forLoaders;
    private final Path cache;
    private volatile boolean testsRunning;
    /** The runner's thread: between runs, it alone may read the class path and write the cache. */
    private final Thread runner = Thread.currentThread();
    /** Set while this wall resolves a path itself (its own reads of links are not the tests'). */
    private final ThreadLocal<Boolean> resolving = new ThreadLocal<>(); // no lambda: nothing to load inside a check

    /**
     * @param always     readable by any code
     * @param forLoaders readable by class loaders, and by anything while no test runs
     * @param cache      the cache's folder: as {@code forLoaders}, and writable while no test runs
     */
    TestsSandbox(List<Path> always, List<Path> forLoaders, Path cache) {
        this.always = always.stream().map(TestsSandbox::normal).toList();
        this.forLoaders = forLoaders.stream().map(TestsSandbox::normal).toList();
        this.cache = normal(cache);
    }

    /** The wall of a tests' JVM whose tests' classes are in {@code tests} and whose cache is copied into {@code cache}. */
    static TestsSandbox forTests(Path tests, Path cache) {
        List<Path> classPath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (!entry.isBlank()) {
                classPath.add(Path.of(entry));
            }
        }
        Path javaHome = Path.of(System.getProperty("java.home"));
        List<Path> always = new ArrayList<>(List.of(javaHome, tests, Path.of("/dev/random"), Path.of("/dev/urandom")));
        // A packaged JDK links parts of itself elsewhere (Debian's conf/ is /etc/java-17-openjdk): those are the JDK too.
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(javaHome, 4)) {
            files.filter(java.nio.file.Files::isSymbolicLink).forEach(always::add);
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            // the JDK's own folder unreadable: nothing more to add
        }
        return new TestsSandbox(always, classPath, cache);
    }

    /** Installs this wall; false when this Java has no security manager to install. */
    boolean install() {
        // Every check's own code loaded and run once before the wall stands: a class loaded inside a check would be
        // read through the check again.
        allows(real(cache.resolve("warm").toString()), "read", true);
        loaderOnStack();
        try {
            System.setSecurityManager(this);
            return true;
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }

    /** Marks the tests running (only class loaders read the class path and the cache) or not (the runner copies). */
    void testsRunning(boolean running) {
        testsRunning = running;
    }

    @Override
    public void checkPermission(Permission permission) {
        if (permission instanceof FilePermission file) {
            if (Boolean.TRUE.equals(resolving.get())) {
                return;
            }
            boolean byTests = (testsRunning || Thread.currentThread() != runner) && !loaderOnStack();
            if (!allows(real(file.getName()), file.getActions(), byTests)) {
                throw new SecurityException("final grading's tests may not " + file.getActions() + " " + file.getName());
            }
        } else if (permission instanceof SocketPermission || permission instanceof LinkPermission
                || permission instanceof RuntimePermission && permission.getName().equals("setSecurityManager")) {
            throw new SecurityException("final grading's tests may not " + permission.getName());
        } else if (permission instanceof java.util.PropertyPermission && permission.getActions().contains("write")
                && (testsRunning || Thread.currentThread() != runner)) {
            // A setting of the whole JVM (System.setProperty, the default TimeZone or Locale) outlives the target it
            // was made on: a test could count there the caches run before it, and tell the correct ones from the bugs.
            throw new SecurityException("final grading's tests may not change the JVM's settings (system properties, the "
                    + "default time zone or locale): each test must find the JVM as the one before it did");
        } else if (permission instanceof RuntimePermission && (permission.getName().equals("readFileDescriptor")
                || permission.getName().equals("writeFileDescriptor")) && (testsRunning || Thread.currentThread() != runner)) {
            // The JVM's standard input brings the runner its next plan, its output carries the signed results: the
            // runner's alone (the tests' own System.in is empty and their System.out discarded).
            throw new SecurityException("final grading's tests may not " + permission.getName());
        }
    }

    @Override
    public void checkPermission(Permission permission, Object context) {
        checkPermission(permission);
    }

    /**
     * Whether {@code actions} ("read", "write", "delete", "execute", ...) are allowed on the file
     * {@code name}, when {@code byTests} (tests run and no class loader asks).
     */
    boolean allows(String name, String actions, boolean byTests) {
        if (name.equals("<<ALL FILES>>") || actions.contains("execute")) {
            return false;
        }
        Path path;
        try {
            path = Path.of(place(name)).toAbsolutePath().normalize(); // lexically: real() followed its links, in the checks
        } catch (InvalidPathException e) {
            return false;
        }
        boolean read = actions.equals("read") || actions.equals("readlink");
        if (path.startsWith(cache)) {
            return !byTests;
        }
        if (!read) {
            return false;
        }
        return always.stream().anyMatch(path::startsWith) || !byTests && forLoaders.stream().anyMatch(path::startsWith);
    }

    /**
     * Whether a class loader (or the service loader, which reads the class path's service
     * files) is on the stack: the read is a class being loaded, not a test's code reading a file.
     */
    private boolean loaderOnStack() {
        for (Class<?> frame : getClassContext()) {
            if (ClassLoader.class.isAssignableFrom(frame) || frame.getName().startsWith("java.util.ServiceLoader")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The path a file name leads to, links followed (so that {@code /proc/self/root/...} is
     * judged where it leads): its nearest existing ancestor's real path, and the rest.
     */
    String real(String name) {
        if (name.equals("<<ALL FILES>>")) {
            return name;
        }
        resolving.set(true);
        try {
            return followed(Path.of(place(name))).toString();
        } catch (java.io.IOException | InvalidPathException | SecurityException e) {
            return "<<ALL FILES>>"; // what cannot be resolved is not allowed
        } finally {
            resolving.set(false);
        }
    }

    /** A permission's file name without its wildcard: "/a/-" (all below) and "/a/*" (all in) name the place "/a". */
    private static String place(String name) {
        return name.endsWith("/-") || name.endsWith("/*") ? name.substring(0, name.length() - 2) : name;
    }

    /** A place absolute and normalized, the links of its nearest existing ancestor followed, the rest as it is. */
    private static Path followed(Path path) throws java.io.IOException {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !java.nio.file.Files.exists(existing, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        return existing == null ? absolute : existing.toRealPath().resolve(existing.relativize(absolute));
    }

    /** A place of the wall as the checks see it ({@link #followed}); as it is, where its links cannot be followed. */
    private static Path normal(Path path) {
        try {
            return followed(path);
        } catch (java.io.IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }
}
