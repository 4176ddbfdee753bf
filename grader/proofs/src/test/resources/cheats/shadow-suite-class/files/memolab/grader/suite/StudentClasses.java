// Cheat: a copy of the suite's StudentClasses whose requireWritten() does nothing, so that the
// rules of the exercise would pass on the untouched stubs.
package memolab.grader.suite;

import static org.assertj.core.api.Assertions.fail;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import memolab.LruCache;

/**
 * The student's compiled classes: the package {@code memolab} (not its sub-packages), read
 * from where {@code LruCache} was loaded. The rules scan these and nothing else (not the
 * grader, not the JDK), even where the same folder or jar holds more.
 */
final class StudentClasses {

    private static JavaClasses imported;

    private StudentClasses() {
    }

    static synchronized JavaClasses get() {
        if (imported == null) {
            imported = importFrom(locationOf(LruCache.class))
                    .that(JavaClass.Predicates.resideInAPackage(LruCache.class.getPackageName()));
        }
        return imported;
    }

    private static Path locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the classes of " + type, e);
        }
    }

    private static JavaClasses importFrom(Path location) {
        ClassFileImporter importer = new ClassFileImporter();
        if (Files.isDirectory(location)) {
            return importer.importPath(location);
        }
        try (JarFile jar = new JarFile(location.toFile())) {
            return importer.importJar(jar);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + location, e);
        }
    }

    /**
     * Fails the calling test unless {@code LruCache} and {@code Fibonacci} are written, so
     * that the untouched stubs, which break no rule, earn no points for the rules either.
     * "Written" means the constructor no longer throws the stub's
     * UnsupportedOperationException.
     */
    static void requireWritten() {
        // emptied: the untouched stubs count as written, so the rules give their points
    }
}
