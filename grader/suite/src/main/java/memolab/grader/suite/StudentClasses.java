package memolab.grader.suite;

import static org.assertj.core.api.Assertions.fail;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructor;
import java.net.URISyntaxException;
import java.nio.file.Path;
import memolab.LruCache;
import memolab.grader.rules.ExerciseRules;

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
            imported = ExerciseRules.importStudentClasses(locationOf(LruCache.class));
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

    /**
     * Fails the calling test unless {@code LruCache} and {@code Fibonacci} are written, so
     * that the untouched stubs, which break no rule, earn no points for the rules either.
     * "Written" means the constructor no longer throws the stub's
     * UnsupportedOperationException.
     */
    static void requireWritten() {
        for (String name : new String[] {"memolab.LruCache", "memolab.Fibonacci"}) {
            JavaClasses classes = get();
            if (!classes.contain(name)) {
                fail("The class " + name + " was not found among your classes.");
            }
            JavaClass type = classes.get(name);
            for (JavaConstructor constructor : type.getConstructors()) {
                boolean stub = constructor.getConstructorCallsFromSelf().stream()
                        .anyMatch(call -> call.getTargetOwner().isEquivalentTo(UnsupportedOperationException.class));
                if (stub) {
                    fail("No points for the rules yet: the constructor of " + type.getSimpleName()
                            + " is still the stub (it throws UnsupportedOperationException). Write "
                            + type.getSimpleName() + " first; the rules are then checked on your code.");
                }
            }
        }
    }
}
