package memolab.grader.grading;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import memolab.grader.score.PlainText;

/**
 * The workflow Classroom 50 commits into a student's repository when they accept,
 * {@code .github/workflows/autograde.yaml} (its "shim"), recognised by what it does rather
 * than exempt from the tamper check. Its per-push score comes from a job this file starts,
 * with {@code contents: write}: a student who edits it can publish any score. So a shim
 * counts as Classroom 50's only when, comments and blank lines aside, it is exactly the
 * shim Classroom 50 renders (its CLI and its web page render the same lines, with
 * different comments): triggered by pushes of the default branch and {@code submit/*} tags
 * (the branch line absent in tag mode, more tags when the assignment names some), one job
 * that calls the classroom's own {@code <org>/classroom50/.github/workflows/autograde-runner.yaml}
 * with the three permissions it asks for, and nothing else. Where the repository's clone
 * names its owner ({@code origin} in {@code .git/config}, which a clone made by the
 * instructor holds and a push cannot change), the runner's organisation must be that owner.
 */
final class Classroom50Shim {

    /** Where Classroom 50 writes it. */
    static final String PATH = ".github/workflows/autograde.yaml";

    /** Classroom 50's shim, comments and blank lines removed; group 1 the runner's organisation. */
    private static final Pattern SHIM = Pattern.compile("""
            name: Autograde
            on:
              push:
            (?:    branches: \\["[^"\\n]+"\\]
            )?    tags: \\[(?:"[A-Za-z0-9._/*-]+", )*"submit/\\*"\\]
            jobs:
              grade:
                uses: "([A-Za-z0-9-]+)/classroom50/\\.github/workflows/autograde-runner\\.yaml@[A-Za-z0-9._/-]+"
                permissions:
                  contents: write
                  statuses: write
                  pull-requests: write
            """);

    /** The owner in an {@code origin} URL of GitHub: {@code https://github.com/<owner>/...} or {@code git@github.com:<owner>/...}. */
    private static final Pattern ORIGIN_OWNER = Pattern.compile("github\\.com[/:]([A-Za-z0-9-]+)/");

    private Classroom50Shim() {
    }

    /** A tamper finding for the shim in {@code root}, if it is there and is not Classroom 50's. */
    static Optional<String> check(Path root) throws IOException {
        Path shim = root.resolve(PATH);
        if (!Files.exists(shim, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty(); // not a Classroom 50 repository, or not accepted through it
        }
        if (!Files.isRegularFile(shim, LinkOption.NOFOLLOW_LINKS) || Files.size(shim) > 64 * 1024) {
            return Optional.of("edited: " + PlainText.inlineCode(PATH) + " (Classroom 50's autograde workflow: not a "
                    + "regular file of a workflow's size)");
        }
        String why = why(Files.readString(shim, StandardCharsets.ISO_8859_1), originOwner(root));
        return why == null ? Optional.empty()
                : Optional.of("edited: " + PlainText.inlineCode(PATH) + " (Classroom 50's autograde workflow: " + why + ")");
    }

    /** Why {@code text} is not Classroom 50's shim for a repository of {@code owner} (null: unknown), or null if it is. */
    static String why(String text, String owner) {
        String lines = text.replace("\r\n", "\n").lines()
                .map(String::stripTrailing)
                .filter(line -> !line.isBlank() && !line.stripLeading().startsWith("#"))
                .collect(Collectors.joining("\n", "", "\n"));
        Matcher shim = SHIM.matcher(lines);
        if (!shim.matches()) {
            return "its steps, triggers or permissions differ from the shim Classroom 50 writes, so its per-push "
                    + "scores may not come from the course's autograder";
        }
        if (owner != null && !shim.group(1).equalsIgnoreCase(owner)) {
            return "it calls the runner of " + PlainText.inlineCode(shim.group(1)) + ", not of the repository's owner "
                    + PlainText.inlineCode(owner);
        }
        return null;
    }

    /** The GitHub owner of the clone's {@code origin}, or null when the folder is not such a clone. */
    private static String originOwner(Path root) throws IOException {
        Path config = root.resolve(".git/config");
        if (!Files.isRegularFile(config, LinkOption.NOFOLLOW_LINKS) || Files.size(config) > 1 << 20) {
            return null;
        }
        boolean inOrigin = false;
        for (String line : Files.readAllLines(config, StandardCharsets.ISO_8859_1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("[")) {
                inOrigin = trimmed.equals("[remote \"origin\"]");
            } else if (inOrigin && trimmed.startsWith("url")) {
                Matcher owner = ORIGIN_OWNER.matcher(trimmed);
                return owner.find() ? owner.group(1) : null;
            }
        }
        return null;
    }
}
