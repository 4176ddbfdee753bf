package memolab.grader.suite;

import static org.assertj.core.api.Assertions.fail;

import com.tngtech.archunit.core.domain.JavaClasses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import memolab.LruCache;
import memolab.grader.rules.ExerciseRules;
import memolab.grader.rules.RuleFacts;

/**
 * The student's compiled classes: the package {@code memolab} (not its sub-packages), read
 * from where {@code LruCache} was loaded. The rules scan these and nothing else (not the
 * grader, not the JDK), even where the same folder or jar holds more.
 */
final class StudentClasses {

    private static JavaClasses imported;
    private static RuleFacts facts;
    private static Thread earlyRead;

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
     * What the rules find in the student's classes: from the file that final grading hands
     * over ({@code -Dmemolab.ruleFacts}, computed in the grader's JVM on the same classes),
     * or computed here from {@link #get()}.
     */
    static synchronized RuleFacts facts() {
        if (facts == null) {
            String file = System.getProperty(RuleFacts.PROPERTY, "");
            try {
                facts = file.isBlank() ? RuleFacts.of(get()) : RuleFacts.read(Path.of(file));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the rules' facts from " + file, e);
            }
        }
        return facts;
    }

    /**
     * Starts {@link #facts()} on a thread of its own, once ({@link RulesReadEarly}); a caller of
     * {@code facts()} meanwhile waits for it. A reading that fails leaves nothing behind: the
     * test that asks next reads again and fails as it would have.
     */
    static synchronized void readEarly() {
        if (earlyRead != null || facts != null) {
            return;
        }
        earlyRead = new Thread(() -> {
            try {
                facts();
            } catch (RuntimeException | Error e) {
                // the rules test that asks for the facts reads them again, and reports this
            }
        }, "memolab-rules-read-early");
        earlyRead.setDaemon(true);
        earlyRead.start();
    }

    /**
     * Waits until {@link #readEarly()}'s reading has ended, if one was started: the timing tests
     * call it before they measure, so that it never runs beside them (where a run selects them
     * alone, say, without the rules tests that would have waited for it first).
     */
    static void awaitEarlyRead() {
        Thread reading;
        synchronized (StudentClasses.class) {
            reading = earlyRead;
        }
        if (reading == null) {
            return;
        }
        boolean interrupted = false;
        while (reading.isAlive()) {
            try {
                reading.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Fails the calling test unless {@code LruCache} and {@code Fibonacci} are written, so
     * that the untouched stubs, which break no rule, earn no points for the rules either.
     * "Written" means the constructor no longer throws the stub's
     * UnsupportedOperationException.
     */
    static void requireWritten() {
        String stub = facts().stubMessage();
        if (!stub.isEmpty()) {
            fail(stub);
        }
    }
}
