package memolab.grader.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lines under a student's score table about their own tests, read from what their run left. */
class YourTestsLineTest {

    @TempDir
    Path target;

    private void compileTest(String name, String body) throws IOException {
        Path source = Files.createDirectories(target.resolve("src/memolab")).resolve(name + ".java");
        Files.writeString(source, "package memolab;\nclass " + name + " {\n" + body + "\n}\n", StandardCharsets.UTF_8);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int exit = compiler.run(null, null, null, "-d", target.resolve("test-classes").toString(),
                "-classpath", System.getProperty("java.class.path"), source.toString());
        assertThat(exit).as("compiling " + name).isZero();
    }

    @Test
    @DisplayName("the line counts the tests run and passed, and the branches of every class of the cache but Fibonacci")
    void countsTestsAndTheCachesBranches() throws IOException {
        Files.createDirectories(target.resolve("surefire-reports"));
        Files.writeString(target.resolve("surefire-reports/TEST-memolab.LruCacheTest.xml"),
                "<?xml version=\"1.0\"?>\n<testsuite name=\"memolab.LruCacheTest\" tests=\"4\" failures=\"1\" errors=\"0\" "
                        + "skipped=\"1\">\n</testsuite>\n", StandardCharsets.UTF_8);
        Files.createDirectories(target.resolve("site/jacoco"));
        Files.write(target.resolve("site/jacoco/jacoco.csv"), List.of(
                "GROUP,PACKAGE,CLASS,INSTRUCTION_MISSED,INSTRUCTION_COVERED,BRANCH_MISSED,BRANCH_COVERED,LINE_MISSED",
                "exercises,memolab,LruCache,1,2,2,2,0",
                "exercises,memolab,LruCache.Node,1,2,0,2,0",
                "exercises,memolab,LruCore,1,2,6,4,0",
                "exercises,memolab,Fibonacci,1,2,10,0,0"), StandardCharsets.UTF_8);
        String line = YourTestsLine.of(target, 10).replaceAll("\\s+", " ");
        assertThat(line).contains("Your tests: 3 ran on your code, 2 passed, reaching 8 of 16 branches of your cache's "
                + "classes (50 %); final grading gives them 10 of 100 points").doesNotContain("WARNING");
    }

    @Test
    @DisplayName("tests JUnit stopped at their time limit are named under the line, with the limit and where to look")
    void namesTestsStoppedAtTheirLimit() throws IOException {
        Files.createDirectories(target.resolve("surefire-reports"));
        Files.writeString(target.resolve("surefire-reports/TEST-memolab.FillTest.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuite name="memolab.FillTest" time="3.1" tests="3" errors="1" skipped="0" failures="1">
                  <testcase name="fillsPastItsCapacity" classname="memolab.FillTest" time="3.012">
                    <error message="fillsPastItsCapacity() timed out after 3 seconds" type="java.util.concurrent.TimeoutException"><![CDATA[java.util.concurrent.TimeoutException: fillsPastItsCapacity() timed out after 3 seconds
                	at memolab.LruCache.put(LruCache.java:40)
                ]]></error>
                  </testcase>
                  <testcase name="getsWhatItPut" classname="memolab.FillTest" time="0.01">
                    <failure message="expected: 2 but was: 3" type="org.opentest4j.AssertionFailedError"><![CDATA[...]]></failure>
                  </testcase>
                  <testcase name="evicts" classname="memolab.FillTest" time="0.001"/>
                </testsuite>
                """, StandardCharsets.UTF_8);
        String line = YourTestsLine.of(target, 10).replaceAll("\\s+", " ");
        assertThat(line).contains("Your tests: 3 ran on your code, 1 passed", "1 of them did not finish within 3 s, the limit "
                + "of each of your tests, here as in final grading (which counts it as failing): FillTest.fillsPastItsCapacity.");
        assertThat(YourTestsLine.timedOut(target.resolve("surefire-reports"))).containsExactly("FillTest.fillsPastItsCapacity");

        // Two, one of them in a nested class: named as the source names it, and joined as a sentence.
        Files.writeString(target.resolve("surefire-reports/TEST-memolab.LoopTest$Inner.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuite name="memolab.LoopTest$Inner" tests="1" errors="1" skipped="0" failures="0">
                  <testcase name="nestedLoops" classname="memolab.LoopTest$Inner" time="3.0">
                    <error message="nestedLoops() timed out after 3 seconds" type="java.util.concurrent.TimeoutException"/>
                  </testcase>
                </testsuite>
                """, StandardCharsets.UTF_8);
        assertThat(YourTestsLine.of(target, 10).replaceAll("\\s+", " ")).contains("2 of them did not finish within 3 s",
                "(which counts each as failing): FillTest.fillsPastItsCapacity and LoopTest.Inner.nestedLoops.");
    }

    @Test
    @DisplayName("tests that break a rule of final grading get a warning that names the rule and the call")
    void warnsOfBrokenRules() throws IOException {
        compileTest("ByNameTest", "void reads() { org.assertj.core.api.Assertions.assertThat((Object) \"x\").extracting(\"bytes\"); }");
        String warning = YourTestsLine.brokenRules(target.resolve("test-classes")).replaceAll("\\s+", " ");
        assertThat(warning).contains("WARNING: final grading refuses these tests (0 points)", "no fields or getters read by name",
                "extracting(java.lang.String)");
    }

    @Test
    @DisplayName("a test of a class of the student's own, not the API, gets a warning: final grading leaves its file out")
    void warnsOfATestBeyondTheApi() throws IOException {
        Path helper = Files.createDirectories(target.resolve("src/main/memolab")).resolve("RecencyList.java");
        Files.writeString(helper, "package memolab;\npublic class RecencyList { public void moveToEnd() { } }\n",
                StandardCharsets.UTF_8);
        int exit = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", target.resolve("classes").toString(),
                helper.toString());
        assertThat(exit).isZero();
        Path source = target.resolve("src/memolab/RecencyListTest.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "package memolab;\nclass RecencyListTest {\n void moves() { new RecencyList().moveToEnd(); }\n}\n",
                StandardCharsets.UTF_8);
        exit = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", target.resolve("test-classes").toString(),
                "-classpath", target.resolve("classes") + java.io.File.pathSeparator + System.getProperty("java.class.path"),
                source.toString());
        assertThat(exit).isZero();
        String warning = YourTestsLine.brokenRules(target.resolve("test-classes")).replaceAll("\\s+", " ");
        assertThat(warning).contains("WARNING: final grading leaves out RecencyListTest.java: it uses RecencyList, a class of "
                + "yours.");
    }

    @Test
    @DisplayName("a test that calls a method the stub does not have gets a warning: final grading leaves its file out")
    void warnsOfATestOfAMemberBeyondTheApi() throws IOException {
        Path cache = Files.createDirectories(target.resolve("src/main/memolab")).resolve("LruCache.java");
        Files.writeString(cache, "package memolab;\npublic final class LruCache<K, V> {\n public LruCache(int capacity) { }\n"
                + " public V get(K key) { return null; }\n public void put(K key, V value) { }\n"
                + " public java.util.List<K> keys() { return java.util.List.of(); }\n void checkInvariants() { }\n}\n",
                StandardCharsets.UTF_8);
        int exit = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", target.resolve("classes").toString(),
                cache.toString());
        assertThat(exit).isZero();
        Path within = target.resolve("src/memolab/WithinTest.java");
        Path beyond = target.resolve("src/memolab/InvariantsTest.java");
        Files.createDirectories(within.getParent());
        Files.writeString(within, "package memolab;\nclass WithinTest {\n void api() { LruCache<Integer, String> c = new LruCache<>(2);"
                + " c.put(1, \"a\"); c.get(1); c.keys(); c.hashCode(); c.getClass(); }\n}\n", StandardCharsets.UTF_8);
        Files.writeString(beyond, "package memolab;\nclass InvariantsTest {\n void holds() { new LruCache<Integer, String>(2)"
                + ".checkInvariants(); }\n}\n", StandardCharsets.UTF_8);
        exit = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", target.resolve("test-classes").toString(),
                "-classpath", target.resolve("classes") + java.io.File.pathSeparator + System.getProperty("java.class.path"),
                within.toString(), beyond.toString());
        assertThat(exit).isZero();
        String warning = YourTestsLine.brokenRules(target.resolve("test-classes")).replaceAll("\\s+", " ");
        assertThat(warning).contains("WARNING: final grading leaves out InvariantsTest.java: it uses LruCache.checkInvariants(), "
                + "which the stub of LruCache does not have.").doesNotContain("WithinTest");
    }

    @Test
    @DisplayName("tests within the rules get no warning")
    void noWarningWithinTheRules() throws IOException {
        compileTest("FineTest", "@org.junit.jupiter.api.Timeout(2) void fine() { "
                + "org.assertj.core.api.Assertions.assertThat(java.util.List.of(1)).containsExactly(1); }");
        assertThat(YourTestsLine.brokenRules(target.resolve("test-classes"))).isEmpty();
    }
}
