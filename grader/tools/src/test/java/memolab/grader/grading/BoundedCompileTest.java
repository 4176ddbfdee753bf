package memolab.grader.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import memolab.grader.runner.JavaSources;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoundedCompileTest {

    @TempDir
    Path temp;

    @Test
    @DisplayName("a syntax error is told from a name the code uses that does not exist: only the first file is unparsable")
    void syntaxErrorsAreToldApart() throws IOException {
        Path typo = Files.writeString(temp.resolve("Typo.java"), "class Typo { int x = 1 }\n");
        Path unknown = Files.writeString(temp.resolve("Unknown.java"), "class Unknown { Missing m; }\n");
        JavaSources.Compilation both = BoundedCompile.compile(List.of(typo, unknown), temp.resolve("a"), temp);
        assertThat(both.success()).isFalse();
        assertThat(both.unparsable()).containsExactly("Typo.java");
        assertThat(both.messages()).anyMatch(m -> m.startsWith("Typo.java:1: error: ';' expected"));

        JavaSources.Compilation alone = BoundedCompile.compile(List.of(unknown), temp.resolve("b"), temp);
        assertThat(alone.success()).isFalse();
        assertThat(alone.unparsable()).isEmpty();
        assertThat(alone.messages()).anyMatch(m -> m.startsWith("Unknown.java:1: error: cannot find symbol"));

        JavaSources.Compilation fine = BoundedCompile.compile(List.of(Files.writeString(temp.resolve("Fine.java"),
                "class Fine { }\n")), temp.resolve("c"), temp);
        assertThat(fine.success()).isTrue();
        assertThat(fine.unparsable()).isEmpty();
    }

    @Test
    @DisplayName("a compiler's message shows the line it is about and a caret under the place, as javac prints them, tabs kept, "
            + "a long line cut around the place")
    void messagesPointAtTheirPlace() throws IOException {
        Path typo = Files.writeString(temp.resolve("Typo.java"), "class Typo {\n\tint x = 1\n}\n");
        Path unknown = Files.writeString(temp.resolve("Unknown.java"), "class Unknown {\n    Missing m;\n}\n");
        JavaSources.Compilation typoCompiled = BoundedCompile.compile(List.of(typo), temp.resolve("e"), temp);
        assertThat(typoCompiled.messages()).contains("Typo.java:2: error: ';' expected\n\tint x = 1\n\t         ^");
        JavaSources.Compilation unknownCompiled = BoundedCompile.compile(List.of(unknown), temp.resolve("f"), temp);
        // The caret between the message's first line and its details, where javac puts it.
        assertThat(unknownCompiled.messages()).anyMatch(m -> m.startsWith("Unknown.java:2: error: cannot find symbol\n"
                + "    Missing m;\n    ^\n") && m.contains("symbol:"));
        assertThat(JavaSources.pointedAt(3, "ab")).isEmpty(); // past the text: nothing to point at
        // A line too long to show whole: cut around the place, the cuts marked.
        String line = "a".repeat(150) + "X" + "b".repeat(150);
        assertThat(JavaSources.pointedAt(150, line)).isEqualTo("\n..." + "a".repeat(100) + "X" + "b".repeat(59) + "...\n"
                + " ".repeat(103) + "^");
        assertThat(JavaSources.pointedAt(2, "x".repeat(300))).isEqualTo("\nxx" + "x".repeat(60) + "...\n  ^");
    }

    @Test
    @DisplayName("a compiler JVM that dies at once is not said to have run out of time")
    void aCompilerThatDiesIsNoTimeout() throws IOException {
        Path notJava = Files.writeString(temp.resolve("NotJava.txt"), "class NotJava { }\n"); // javac throws: no source
        JavaSources.Compilation died = BoundedCompile.compile(List.of(notJava), temp.resolve("d"), temp);
        assertThat(died.success()).isFalse();
        assertThat(String.join("\n", died.messages())).doesNotContain("was stopped after").contains("exit code");
    }

    @Test
    @DisplayName("the compiler is given a .java file whatever its name but one with a control character, a tab or a line "
            + "break, which would split its request file")
    void fileNamesWithoutControlCharacters() {
        assertThat(List.of("LruCacheTest.java", "Ä_Test$1.java", "My Test.java", "[x](y) <img>.java", "1Test.java"))
                .allMatch(JavaSources::isCompilableFileName);
        assertThat(List.of("Tab\tTest.java", "Evil\nunparsable\tLruCacheTest.java", ".java", "Test.java.txt",
                "Zero\u0000Test.java", "Line\u2028Test.java")).noneMatch(JavaSources::isCompilableFileName);
    }
}
