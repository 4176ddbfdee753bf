package memolab.grader.grading;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Where the grader finds what it brings along, whether it runs from its single jar or from
 * a build folder: the graded suite's classes, and the pristine given files and stubs.
 */
public final class GraderFiles {

    static final String SUITE = "memolab/grader/suite/";
    static final String GIVEN = "memolab-given/";
    static final String STUBS = "memolab-stubs/";

    private GraderFiles() {
    }

    /** The folder or jar that holds the graded suite's classes. */
    public static Path suiteRoot() {
        URL url = resource(SUITE);
        try {
            if (url.getProtocol().equals("jar")) {
                String file = url.getPath().substring(0, url.getPath().indexOf("!/"));
                return Path.of(new URL(file).toURI());
            }
            Path folder = Path.of(url.toURI());
            return folder.getParent().getParent().getParent(); // up from memolab/grader/suite
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot locate the graded suite at " + url, e);
        }
    }

    /** Copies the given files ({@code memolab/*.java}) into {@code target}. */
    public static void copyGiven(Path target) throws IOException {
        copyFolder(GIVEN, target);
    }

    /** Copies the untouched stubs ({@code memolab/*.java}) into {@code target}. */
    public static void copyStubs(Path target) throws IOException {
        copyFolder(STUBS, target);
    }

    /** Where the full grader keeps the bug corpus and the reference's sources ("Your tests"). */
    public static final String BUGS = "memolab/grader/bugs/";

    /** Whether this grader carries the bug corpus: the full jar does, the visible jar does not. */
    public static boolean hasBugCorpus() {
        return GraderFiles.class.getClassLoader().getResource(BUGS) != null;
    }

    /**
     * Whether this grader's bug corpus was compiled when the grader was built (the build's
     * {@code process-classes} step): a grader run from class folders that skipped it has the
     * corpus's sources only.
     */
    public static boolean hasCompiledBugCorpus() {
        return GraderFiles.class.getClassLoader().getResource(BUGS + "compiled/reference/memolab/LruCache.class") != null;
    }

    /**
     * Copies the bug corpus into {@code target}: {@code corpus/*.edit},
     * {@code corpus/correct-compact/memolab/*.java} and {@code reference/memolab/*.java}.
     */
    public static void copyBugCorpus(Path target) throws IOException {
        copyFolder(BUGS, target);
    }

    private static URL resource(String folder) {
        URL url = GraderFiles.class.getClassLoader().getResource(folder);
        if (url == null) {
            throw new IllegalStateException("the grader is incomplete: " + folder + " is not on its class path");
        }
        return url;
    }

    private static void copyFolder(String folder, Path target) throws IOException {
        URL url = resource(folder);
        if (url.getProtocol().equals("jar")) {
            String file = url.getPath().substring(0, url.getPath().indexOf("!/"));
            try (JarFile jar = new JarFile(Path.of(new URL(file).toURI()).toFile())) {
                Enumeration<JarEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    JarEntry entry = entries.nextElement();
                    if (!entry.isDirectory() && entry.getName().startsWith(folder)) {
                        Path out = target.resolve(entry.getName().substring(folder.length()));
                        Files.createDirectories(out.getParent());
                        try (InputStream in = jar.getInputStream(entry)) {
                            Files.copy(in, out);
                        }
                    }
                }
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
            return;
        }
        Path source;
        try {
            source = Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        try (Stream<Path> files = Files.walk(source)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                Path out = target.resolve(source.relativize(file).toString());
                try {
                    Files.createDirectories(out.getParent());
                    Files.copy(file, out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
