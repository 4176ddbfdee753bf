package memolab.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import memolab.grader.score.PlainText;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GradebookTest {

    /** Folder names a student can choose, each a formula to a spreadsheet if written as it is. */
    private static final List<String> FORMULAS = List.of("=1+2", "@SUM(1+1)", "=HYPERLINK(\"https:evil\",\"click\")", "+1",
            "-2+3", "\t=1", "\r=1", "'already quoted");

    @Test
    @DisplayName("a cell a spreadsheet would evaluate is defused with an apostrophe, and reads back as it was")
    void formulasAreDefused() {
        for (String name : FORMULAS) {
            String written = Gradebook.quote(name);
            String csvText = written.startsWith("\"") ? written.substring(1, written.length() - 1).replace("\"\"", "\"") : written;
            // A tab or carriage return is shown as ? (PlainText.oneLine), which no spreadsheet evaluates; the rest get an apostrophe.
            assertThat("=+-@\t\r".indexOf(csvText.charAt(0))).as("the cell written for %s: %s", name, csvText).isEqualTo(-1);
            assertThat(Gradebook.cells(written + ",x")).as("one cell, then the next").hasSize(2);
            assertThat(Gradebook.unquote(written)).isEqualTo(PlainText.oneLine(name));
        }
    }

    @Test
    @DisplayName("a folder name with a line break stays on its row: the break is shown as ?")
    void lineBreaksStayOnTheRow() {
        String written = Gradebook.quote("alice\n## FAKE,100\r\nbob");
        assertThat(written).doesNotContain("\n", "\r");
        assertThat(Gradebook.cells(written + ",x")).hasSize(2);
        assertThat(Gradebook.unquote(written)).isEqualTo("alice?## FAKE,100??bob");
    }

    @Test
    @DisplayName("plain names stay as they are")
    void plainNamesUnchanged() {
        for (String name : List.of("alice", "memolab-lru-bob", "c.d@example.org", "x-1")) {
            assertThat(Gradebook.quote(name)).isEqualTo(name);
            assertThat(Gradebook.unquote(name)).isEqualTo(name);
        }
        assertThat(Gradebook.quote("a,b")).isEqualTo("\"a,b\"");
    }
}
