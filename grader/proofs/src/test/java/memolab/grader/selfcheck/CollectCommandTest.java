package memolab.grader.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import memolab.grader.cli.GraderCli;
import memolab.grader.report.Gradebook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code collect} and {@code grade --deadline} on five students' repositories, with a stand-in
 * {@code gh} on the command line that answers as GitHub did (the recorded answers in
 * {@code src/test/resources/collect}) and clones local repositories: no network.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CollectCommandTest {

    static final Path RECORDED = Submissions.PROOFS.resolve("src/test/resources/collect");
    static final String DEADLINE = "2026-12-04T23:59:00Z";
    static final String POLICY = "grace=15m,10%/day,cap=3d";

    @TempDir
    static Path temp;

    /** Each student's commits, c1 first, by the names the recorded answers use. */
    private final Map<String, Map<String, String>> commits = new LinkedHashMap<>();
    private Path gh;
    private Path calls;

    @BeforeAll
    void makeTheRepositories() throws Exception {
        Path remotes = Files.createDirectories(temp.resolve("github"));
        for (String student : List.of("alice", "bob", "carol", "dave", "erin")) {
            Path work = temp.resolve("work-" + student);
            Map<String, String> made = new LinkedHashMap<>();
            git(work.getParent(), Map.of(), "init", "--quiet", "--initial-branch=main", work.toString());
            made.put("c1", commit(work, Submissions.STUBS, "the template", "2026-11-20T10:00:00Z"));
            switch (student) {
                case "bob" -> {
                    made.put("c2", commit(work, Submissions.variantSources(Submissions.CORPUS, "linear-scan"), "half done",
                            "2026-12-03T11:00:00Z"));
                    // Written and pushed 30 hours after the deadline, dated a day before it.
                    made.put("c3", commit(work, Submissions.REFERENCE, "done", "2026-12-03T23:59:00Z"));
                }
                case "carol" -> {
                    made.put("c2", commit(work, Submissions.variantSources(Submissions.CORPUS, "linear-scan"), "first try",
                            "2026-12-04T20:00:00Z"));
                    git(work, Map.of(), "reset", "--quiet", "--hard", made.get("c1")); // history rewritten, then force-pushed
                    made.put("c3", commit(work, Submissions.REFERENCE, "done", "2026-12-04T21:00:00Z"));
                }
                default -> made.put("c2", commit(work, Submissions.REFERENCE, "done", "2026-12-04T20:00:00Z"));
            }
            git(temp, Map.of(), "clone", "--quiet", "--bare", work.toString(), remotes.resolve("lru-" + student + ".git").toString());
            commits.put(student, made);
            String answer = Files.readString(RECORDED.resolve("activity-lru-" + student + ".json"));
            for (Map.Entry<String, String> c : made.entrySet()) {
                answer = answer.replace("{{" + c.getKey() + "}}", c.getValue());
            }
            Files.writeString(remotes.resolve("activity-lru-" + student + ".json"), answer);
        }
        Files.copy(RECORDED.resolve("repo-list.json"), remotes.resolve("repo-list.json"));
        calls = temp.resolve("gh-calls.txt");
        gh = temp.resolve("gh");
        Files.writeString(gh, """
                #!/usr/bin/env bash
                # A stand-in for the GitHub CLI: GitHub's recorded answers, and clones of local repositories.
                set -euo pipefail
                GITHUB='%s'
                printf '%%s\\n' "$*" >> '%s'
                if [ "$1 $2" = "repo list" ]; then cat "$GITHUB/repo-list.json"; exit 0; fi
                if [ "$1 $2" = "repo clone" ]; then git clone --quiet "$GITHUB/${3#*/}.git" "$4"; exit 0; fi
                if [ "$1" = "api" ]; then
                  for arg in "$@"; do case "$arg" in repos/*) path="$arg";; esac; done
                  cat "$GITHUB/activity-$(printf '%%s' "$path" | cut -d/ -f3).json"; exit 0
                fi
                echo "stand-in gh: not recorded: $*" >&2; exit 1
                """.formatted(remotes, calls));
        Files.setPosixFilePermissions(gh, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(temp.resolve("extensions.csv"), "student,deadline\ndave,2026-12-05T23:59:00Z\n");
    }

    @Test
    @DisplayName("collect checks out the commit GitHub received last, by its push time: a backdated late push is late, "
            + "a force push is named, an extension and the grace period count; grade's gradebook and feedback agree")
    void collectThenGrade() throws Exception {
        Path out = temp.resolve("class");
        String collected = cli("collect", "--owner", "memolab-class", "--prefix", "lru-", "--deadline", DEADLINE, "--late",
                POLICY, "--extensions", temp.resolve("extensions.csv").toString(), "--out", out.toString(), "--gh", gh.toString());
        assertThat(Files.readString(calls)).as("it asked for the default branch's activity")
                .contains("api --paginate repos/memolab-class/lru-bob/activity?ref=refs%2Fheads%2Fmain&per_page=100")
                .doesNotContain("memolab-template");
        Map<String, Map<String, String>> rows = csv(out.resolve("submissions.csv"));
        assertThat(rows.keySet()).containsExactly("alice", "bob", "carol", "dave", "erin");
        for (String student : rows.keySet()) {
            assertThat(head(out.resolve("repos").resolve(student))).as(student + "'s checkout").isEqualTo(rows.get(student).get("commit"));
        }
        // bob's last commit says it was made a day before the deadline; GitHub received it 30 hours after.
        assertThat(java.time.OffsetDateTime.parse(git(out.resolve("repos/bob"), Map.of(), "log", "-1", "--format=%cI").strip())
                .toInstant()).isEqualTo(java.time.Instant.parse("2026-12-03T23:59:00Z"));
        assertThat(rows.get("bob")).containsEntry("commit", commits.get("bob").get("c3"))
                .containsEntry("submitted_at", "2026-12-06T05:59:00Z").containsEntry("late_by_hours", "30.00")
                .containsEntry("on_time_commit", commits.get("bob").get("c2"));
        assertThat(rows.get("alice")).containsEntry("commit", commits.get("alice").get("c2")).containsEntry("late_by_hours", "");
        assertThat(rows.get("carol").get("flags")).isEqualTo("force push 2026-12-04 21:59:00 UTC (before the deadline): "
                + "history rewritten");
        assertThat(rows.get("dave")).containsEntry("deadline", "2026-12-05T23:59:00Z").containsEntry("late_by_hours", "");
        assertThat(rows.get("erin")).containsEntry("late_by_hours", "0.17");
        assertThat(collected).contains("--submitted " + out.resolve("submissions.csv"));

        Path grading = temp.resolve("grading");
        List<String> grade = new ArrayList<>(List.of("grade", "--jobs", "2", "--deadline", DEADLINE, "--late", POLICY,
                "--extensions", temp.resolve("extensions.csv").toString(), "--submitted", out.resolve("submissions.csv").toString(),
                "--out", grading.toString()));
        rows.keySet().forEach(student -> grade.add(out.resolve("repos").resolve(student).toString()));
        cli(grade.toArray(String[]::new));
        Map<String, Map<String, String>> book = csv(grading.resolve("gradebook.csv"));
        int full = Integer.parseInt(book.get("alice").get("total"));
        assertThat(book.get("alice")).containsEntry("final", Integer.toString(full)).containsEntry("penalty_percent", "0");
        assertThat(book.get("bob")).as("raw score kept, 20 %% off the final: 2 started days")
                .containsEntry("total", Integer.toString(full)).containsEntry("penalty_percent", "20")
                .containsEntry("final", String.valueOf(Math.round(full * 0.8 * 100) / 100.0).replaceAll("\\.0$", ""))
                .containsEntry("late_by_hours", "30.00").containsEntry("submitted_at", "2026-12-06T05:59:00Z");
        assertThat(book.get("bob").get("flags")).contains("late by 1 day 6 hours, penalty 20 %");
        assertThat(book.get("carol").get("flags")).contains("force push 2026-12-04 21:59:00 UTC (before the deadline)");
        assertThat(book.get("dave")).containsEntry("deadline", "2026-12-05T23:59:00Z").containsEntry("final", Integer.toString(full));
        assertThat(book.get("erin")).containsEntry("penalty_percent", "0").containsEntry("final", Integer.toString(full));
        assertThat(book.get("erin").get("flags")).contains("late by 10 minutes");
        String bob = Files.readString(grading.resolve("bob/feedback.md"));
        assertThat(bob).contains("It was submitted 2026-12-06 05:59:00 UTC, 1 day 6 hours late.",
                "Penalty: 20 % of " + full + ", so the score is " + book.get("bob").get("final") + ".",
                "**Final score, after the late penalty: " + book.get("bob").get("final") + " / ");
        assertThat(Files.readString(grading.resolve("dave/feedback.md"))).contains("The deadline (your extension) was "
                + "2026-12-05 23:59:00 UTC.", "on time.");
        assertThat(Files.readString(grading.resolve("erin/feedback.md"))).contains("No penalty applies");

        // A changed policy, applied to what is stored: no test runs, the raw scores stay, bob's penalty goes.
        String before = Files.readString(grading.resolve("bob/feedback.md"));
        cli("rescore", "--out", grading.toString(), "--deadline", DEADLINE, "--late", "0%/day", "--submitted",
                out.resolve("submissions.csv").toString());
        Map<String, Map<String, String>> rescored = csv(grading.resolve("gradebook.csv"));
        assertThat(rescored.get("bob")).containsEntry("total", Integer.toString(full)).containsEntry("final", Integer.toString(full))
                .containsEntry("penalty_percent", "0").containsEntry("late_by_hours", "30.00");
        assertThat(rescored.get("bob").get("flags")).contains("late by 1 day 6 hours").doesNotContain("penalty 20");
        assertThat(rescored.get("carol").get("flags")).as("collect's flag, kept once")
                .isEqualTo(book.get("carol").get("flags"));
        String after = Files.readString(grading.resolve("bob/feedback.md"));
        assertThat(after).contains("late work counts in full", "No penalty applies").doesNotContain("Final score");
        assertThat(after.substring(after.indexOf("| # | Category"))).as("every test's result as it was")
                .isEqualTo(before.substring(before.indexOf("| # | Category")));
        assertThat(com.google.gson.JsonParser.parseString(Files.readString(grading.resolve("bob/results.json")))
                .getAsJsonObject().get("score").getAsDouble()).isEqualTo(full);
    }

    @Test
    @DisplayName("with a policy under which late work earns nothing, collect keeps the work that was on time")
    void lateWorkThatEarnsNothingDoesNotReplaceWorkOnTime() throws Exception {
        Path out = temp.resolve("class-none");
        cli("collect", "--owner", "memolab-class", "--prefix", "lru-", "--deadline", DEADLINE, "--late", "none",
                "--out", out.toString(), "--gh", gh.toString());
        Map<String, Map<String, String>> rows = csv(out.resolve("submissions.csv"));
        assertThat(rows.get("bob")).containsEntry("commit", commits.get("bob").get("c2"))
                .containsEntry("submitted_at", "2026-12-03T12:00:00Z").containsEntry("last_commit", commits.get("bob").get("c3"));
        assertThat(head(out.resolve("repos/bob"))).isEqualTo(commits.get("bob").get("c2"));
        assertThat(rows.get("erin")).as("no grace period in this policy: her one push is late, so what was there at the "
                + "deadline, the template").containsEntry("commit", commits.get("erin").get("c1"))
                .containsEntry("last_commit", commits.get("erin").get("c2"));
    }

    @Test
    @DisplayName("grade refuses a deadline without the push times, and a policy it cannot read, saying what to write")
    void deadlineOptionsAreChecked() throws Exception {
        StringWriter err = new StringWriter();
        CommandLine cli = GraderCli.commandLine();
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute("grade", "--deadline", DEADLINE, "--late", POLICY, "--out", temp.resolve("x").toString(),
                Submissions.REFERENCE.toString())).isEqualTo(GraderCli.USAGE);
        assertThat(err.toString()).contains("--submitted <class>/submissions.csv");
        err.getBuffer().setLength(0);
        assertThat(cli.execute("grade", "--deadline", "2026-12-04 23:59", "--late", "10%/week", "--submitted", "x.csv",
                Submissions.REFERENCE.toString())).isEqualTo(GraderCli.USAGE);
        assertThat(err.toString()).contains("does not know: \"10%/week\"");
        err.getBuffer().setLength(0);
        assertThat(cli.execute("grade", "--deadline", "2026-12-04 23:59", "--late", "none", "--submitted", "x.csv",
                Submissions.REFERENCE.toString())).isEqualTo(GraderCli.USAGE);
        assertThat(err.toString()).contains("is not a time with its offset");
    }

    private static String cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = GraderCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        assertThat(exit).as(args[0] + " said:\n" + err + out).isZero();
        return out.toString();
    }

    /** A CSV file's rows by their first cell, each by the header's names. */
    private static Map<String, Map<String, String>> csv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> header = Gradebook.cells(lines.get(0));
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = Gradebook.cells(line).stream().map(Gradebook::unquote).toList();
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), cells.get(i));
            }
            rows.put(cells.get(0), row);
        }
        return rows;
    }

    /** Commits {@code sources} as the repository's {@code exercises/src/main/java/memolab}, dated {@code date} (author and committer). */
    private static String commit(Path work, Path sources, String message, String date) throws Exception {
        Path target = work.resolve("exercises/src/main/java/memolab");
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(sources)) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Map<String, String> dates = Map.of("GIT_AUTHOR_DATE", date, "GIT_COMMITTER_DATE", date);
        git(work, dates, "add", "--all");
        git(work, dates, "-c", "user.name=Student", "-c", "user.email=student@example.com", "commit", "--quiet", "-m", message);
        return head(work);
    }

    private static String head(Path work) throws Exception {
        return git(work, Map.of(), "rev-parse", "HEAD").strip();
    }

    private static String git(Path directory, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ":\n" + output).isZero();
        return output;
    }
}
