package memolab.grader.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The file wall around a student's own tests: what it lets their JVM read and write. */
class TestsSandboxTest {

    private final TestsSandbox wall = new TestsSandbox(List.of(Path.of("/jdk"), Path.of("/work/s/your-tests/classes")),
            List.of(Path.of("/grader/memolab-grader.jar")), Path.of("/work/s/your-tests/cache"));

    @Test
    @DisplayName("the JDK and the tests' classes are readable, by anything, and never writable")
    void theJdkAndTheTestsAreReadOnly() {
        assertThat(wall.allows("/jdk/lib/tzdb.dat", "read", true)).isTrue();
        assertThat(wall.allows("/work/s/your-tests/classes/memolab/LruCacheTest.class", "read", true)).isTrue();
        assertThat(wall.allows("/jdk/lib/tzdb.dat", "write", false)).isFalse();
        assertThat(wall.allows("/work/s/your-tests/classes/memolab/X.class", "delete", false)).isFalse();
    }

    @Test
    @DisplayName("while tests run, the class path and the cache are for class loaders only; between runs, for the runner")
    void theClassPathAndTheCacheAreForLoaders() {
        assertThat(wall.allows("/grader/memolab-grader.jar", "read", true)).isFalse();
        assertThat(wall.allows("/grader/memolab-grader.jar", "read", false)).isTrue();
        assertThat(wall.allows("/work/s/your-tests/cache/memolab/LruCache.class", "read", true)).isFalse();
        assertThat(wall.allows("/work/s/your-tests/cache/memolab/LruCache.class", "read", false)).isTrue();
        assertThat(wall.allows("/work/s/your-tests/cache/memolab/LruCache.class", "write", false)).isTrue();
        assertThat(wall.allows("/work/s/your-tests/cache/memolab/LruCache.class", "write", true)).isFalse();
    }

    @Test
    @DisplayName("everything else is closed: other students' work, the corpus, the grader's environment, execution")
    void everythingElseIsClosed() {
        assertThat(wall.allows("/work/other/src/memolab/LruCache.java", "read", false)).isFalse();
        assertThat(wall.allows("/work/bugs/reference/memolab/LruCache.class", "read", false)).isFalse();
        assertThat(wall.allows("/work/s/your-tests/plan.json", "read", false)).isFalse();
        assertThat(wall.allows("/jdk/../proc/1/environ", "read", true)).as("a path that climbs out").isFalse();
        assertThat(wall.allows("/work/s/your-tests/classes/../../../other/x", "read", true)).isFalse();
        assertThat(wall.allows("/jdk/bin/java", "execute", false)).isFalse();
        assertThat(wall.allows("<<ALL FILES>>", "read", false)).isFalse();
        assertThat(wall.allows("/jdk/-", "read", true)).as("a folder and all below it").isTrue();
    }

    @Test
    @DisplayName("while tests run, the JVM's settings are read-only: a default TimeZone or Locale set by one run would outlive it")
    void settingsAreReadOnlyWhileTestsRun() {
        java.util.PropertyPermission timeZone = new java.util.PropertyPermission("user.timezone", "write");
        TestsSandbox wall = new TestsSandbox(List.of(), List.of(), Path.of("/nowhere")); // this thread is its runner
        wall.testsRunning(true);
        assertThatThrownBy(() -> wall.checkPermission(timeZone)).isInstanceOf(SecurityException.class)
                .hasMessageContaining("may not change the JVM's settings (system properties, the default time zone or locale)");
        assertThatThrownBy(() -> wall.checkPermission(new java.util.PropertyPermission("*", "read,write")))
                .isInstanceOf(SecurityException.class);
        wall.checkPermission(new java.util.PropertyPermission("user.timezone", "read"));
        wall.testsRunning(false);
        wall.checkPermission(timeZone); // the runner, between runs
    }

    @Test
    @DisplayName("a path is judged where its links lead: /proc/self/root and /proc/self/cwd reach nothing they would not")
    void linksAreFollowed() {
        TestsSandbox jdkOnly = new TestsSandbox(List.of(Path.of(System.getProperty("java.home"))), List.of(), Path.of("/nowhere"));
        assertThat(jdkOnly.allows(jdkOnly.real("/proc/self/root/etc/hostname"), "read", true)).isFalse();
        assertThat(jdkOnly.allows(jdkOnly.real("/proc/self/cwd/pom.xml"), "read", true)).isFalse();
        assertThat(jdkOnly.allows(jdkOnly.real("/proc/self/root" + System.getProperty("java.home") + "/release"), "read", true))
                .as("the JDK, by any road").isTrue();
    }
}
