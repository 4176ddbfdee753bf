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
 *   <li>Always readable: the JDK, the tests' own classes, the random devices, this JVM's
 *       {@code /proc} entry.</li>
 *   <li>The JVM's class path and the folder of the cache under test: readable by class
 *       loaders and the service loader; while tests run, by nothing else. Between
 *       runs the runner writes each cache there, and nothing else is ever written.</li>
 *   <li>No socket, no link, no other security manager.</li>
 * </ul>
 *
 * <p>Java 17 allows a security manager (with a warning); later Javas need the JVM started
 * with {@code -Djava.security.manager=allow}, which the grader passes; from Java 24 there is
 * none, and {@link #install} says so: the rules then stand alone.
 */
final class TestsSandbox extends SecurityManager {

    private final List<Path> always;
    private final List<Path> forLoaders;
    private final Path cache;
    private volatile boolean testsRunning;

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
        return new TestsSandbox(List.of(Path.of(System.getProperty("java.home")), tests, Path.of("/dev/random"),
                Path.of("/dev/urandom"), Path.of("/proc/self"), Path.of("/proc/" + ProcessHandle.current().pid())),
                classPath, cache);
    }

    /** Installs this wall; false when this Java has no security manager to install. */
    boolean install() {
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
            if (!allows(file.getName(), file.getActions(), testsRunning && !loaderOnStack())) {
                throw new SecurityException("final grading's tests may not " + file.getActions() + " " + file.getName());
            }
        } else if (permission instanceof SocketPermission || permission instanceof LinkPermission
                || permission instanceof RuntimePermission && permission.getName().equals("setSecurityManager")) {
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
            path = normal(Path.of(name.endsWith("/-") || name.endsWith("/*") ? name.substring(0, name.length() - 2) : name));
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

    private static Path normal(Path path) {
        return path.toAbsolutePath().normalize();
    }
}
