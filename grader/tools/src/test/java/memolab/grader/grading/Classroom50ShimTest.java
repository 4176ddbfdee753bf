package memolab.grader.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shim Classroom 50 writes, as its CLI and its web page render it, recognised; any edit of what it does, flagged. */
class Classroom50ShimTest {

    /** As Classroom 50's CLI renders it (gh student accept): its comment header, org and branches substituted. */
    private static final String CLI = """
            # Classroom50 autograder shim.
            #
            # Intentionally inert: delegates everything to the reusable
            # autograde-runner workflow in your teacher's config repo
            # (cs-course/classroom50/.github/workflows/autograde-runner.yaml).
            #
            # This file should not be edited.

            name: Autograde

            on:
              push:
                branches: ["main"]
                tags: ["submit/*"]

            jobs:
              grade:
                # `uses:` quoted so that the line parses as a plain string.
                uses: "cs-course/classroom50/.github/workflows/autograde-runner.yaml@main"
                permissions:
                  contents: write
                  statuses: write
                  # Lets the runner open the opt-in Feedback PR.
                  pull-requests: write
            """;

    /** As its web page renders it: no header, another comment; in tag mode with milestone tags, CRLF line ends. */
    private static final String WEB_TAG_MODE = """
            name: Autograde
            on:
              push:
                tags: ["p1", "p2", "submit/*"]
            jobs:
              grade:
                uses: "cs-course/classroom50/.github/workflows/autograde-runner.yaml@main"
                permissions:
                  contents: write
                  statuses: write
                  pull-requests: write
            """.replace("\n", "\r\n");

    @Test
    @DisplayName("Classroom 50's own renderings pass, with or without the repository's owner known")
    void ownShimsPass() {
        assertThat(Classroom50Shim.why(CLI, null)).isNull();
        assertThat(Classroom50Shim.why(CLI, "cs-course")).isNull();
        assertThat(Classroom50Shim.why(WEB_TAG_MODE, "CS-Course")).isNull();
    }

    @Test
    @DisplayName("a step added, a trigger or permission changed, or another organisation's runner is flagged")
    void editsAreFlagged() {
        assertThat(Classroom50Shim.why(CLI.replace("    permissions:", "    steps:\n      - run: echo 100\n    permissions:"), null))
                .contains("differ from the shim Classroom 50 writes");
        assertThat(Classroom50Shim.why(CLI.replace("statuses: write", "actions: write"), null)).isNotNull();
        assertThat(Classroom50Shim.why(CLI.replace("  push:", "  workflow_dispatch:\n  push:"), null)).isNotNull();
        assertThat(Classroom50Shim.why(CLI.replace("cs-course/classroom50/.github", "alice-fork/classroom50/.github"), "cs-course"))
                .contains("`alice-fork`", "`cs-course`");
        assertThat(Classroom50Shim.why("name: Autograde\non: push\njobs:\n  grade:\n    runs-on: ubuntu-latest\n", null))
                .isNotNull();
    }

    @Test
    @DisplayName("in a repository: no shim is nothing to check; an edited one is a finding that names it; origin names the owner")
    void inARepository(@TempDir Path root) throws Exception {
        assertThat(Classroom50Shim.check(root)).isEmpty();
        Files.createDirectories(root.resolve(".github/workflows"));
        Files.createDirectories(root.resolve(".git"));
        Files.writeString(root.resolve(".git/config"), "[core]\n\tbare = false\n[remote \"origin\"]\n"
                + "\turl = https://github.com/cs-course/cs-course-memolab-lru-alice.git\n");
        Files.writeString(root.resolve(Classroom50Shim.PATH), CLI);
        assertThat(Classroom50Shim.check(root)).isEmpty();
        Files.writeString(root.resolve(Classroom50Shim.PATH), CLI.replace("cs-course/classroom50", "alice/classroom50"));
        assertThat(Classroom50Shim.check(root)).get().asString()
                .startsWith("edited: `.github/workflows/autograde.yaml` (Classroom 50's autograde workflow: it calls the "
                        + "runner of `alice`");
    }
}
