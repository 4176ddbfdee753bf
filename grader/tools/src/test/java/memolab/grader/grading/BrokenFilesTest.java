package memolab.grader.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Which of a student's test files the compiler found errors in, for "Your tests" to leave them out and say why. */
class BrokenFilesTest {

    @Test
    @DisplayName("each broken file comes with every error the compiler found in it, in its order, and no other file's")
    void everyErrorOfAFile() {
        List<String> messages = List.of(
                "MyTest.java:5: error: cannot find symbol\n        undefinedThing++;\n        ^\n  symbol: variable undefinedThing",
                "OtherTest.java:3: error: ';' expected",
                "MyTest.java:9: error: cannot find symbol\n        c.putt(1, 1);\n         ^\n  symbol: method putt(int,int)",
                "note: Some messages have been simplified");
        assertThat(YourTests.brokenFiles(messages, List.of(Path.of("/t/MyTest.java"), Path.of("/t/FineTest.java"))))
                .containsOnlyKeys("MyTest.java")
                .hasEntrySatisfying("MyTest.java", said -> assertThat(said)
                        .startsWith("MyTest.java:5: error: cannot find symbol").contains("\nMyTest.java:9: error: cannot find symbol")
                        .doesNotContain("OtherTest"));
    }
}
