package memolab.grader.grading;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The package a source declares, read as javac reads it: the grader's filter must not be fooled. */
class JavaPackageTest {

    @Test
    @DisplayName("a plain declaration, after comments and blank lines")
    void plainDeclaration() {
        assertThat(JavaPackage.of("package memolab;\nclass A {}")).isEqualTo("memolab");
        assertThat(JavaPackage.of("// a comment\n/* package other; */\n\n  package memolab ;")).isEqualTo("memolab");
        assertThat(JavaPackage.of("/** doc */ package memolab . grader . suite;")).isEqualTo("memolab.grader.suite");
    }

    @Test
    @DisplayName("Unicode escapes are translated first, as the compiler does")
    void unicodeEscapes() {
        assertThat(JavaPackage.of("\\u0070ackage memolab.grader.suite;")).isEqualTo("memolab.grader.suite");
        assertThat(JavaPackage.of("\\uuu0070ackage memolab\\u002egrader;")).isEqualTo("memolab.grader");
        assertThat(JavaPackage.of("// hidden line end\\u000apackage memolab.grader;")).isEqualTo("memolab.grader");
        assertThat(JavaPackage.unicodeEscapesTranslated("\\\\u0070")).as("an escaped backslash").isEqualTo("\\\\u0070");
    }

    @Test
    @DisplayName("no declaration, or one after a type, is the unnamed package")
    void unnamedPackage() {
        assertThat(JavaPackage.of("class A {}")).isEmpty();
        assertThat(JavaPackage.of("import java.util.List; package memolab;")).isEmpty();
        assertThat(JavaPackage.of("/* package memolab; */ class A {}")).isEmpty();
    }
}
