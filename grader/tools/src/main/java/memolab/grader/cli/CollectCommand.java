package memolab.grader.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import memolab.grader.grading.Folders;
import memolab.grader.grading.Submission;
import memolab.grader.late.Deadlines;
import memolab.grader.late.LatePolicy;
import memolab.grader.late.Lateness;
import memolab.grader.late.PushLog;
import memolab.grader.report.Gradebook;
import memolab.grader.score.PlainText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code collect}: each student's repository checked out at the commit to grade, chosen by
 * the times GitHub recorded for the pushes, never by a date inside a commit.
 */
@Command(name = "collect",
        mixinStandardHelpOptions = true,
        header = "Check out each student's repository at the commit to grade, by GitHub's own push times.",
        description = {
            // One element per paragraph: picocli wraps each to the terminal's width.
            "For each repository of <owner> whose name starts with <prefix> (GitHub Classroom and Classroom 50 name "
                    + "them <prefix><username>), asks GitHub for the pushes it recorded on the default branch (the "
                    + "repository activity API: each push's commit and the time GitHub received it), chooses the commit "
                    + "to grade, and checks it out into <out>/repos/<username>: the latest push that still earns points "
                    + "(any push by the deadline; a late one while --late takes less than all its points), else the last. A "
                    + "commit's own dates are never read: a student sets them with one variable (GIT_COMMITTER_DATE).",
            "Writes <out>/submissions.csv (each student's commit, push time, lateness and flags: force pushes, no "
                    + "push recorded), which grade --submitted reads. Calls gh, the GitHub CLI, with your own login "
                    + "(gh auth login)."})
public final class CollectCommand implements Callable<Integer> {

    /** The file {@code grade --submitted} reads, and its header. */
    public static final String SUBMISSIONS = "submissions.csv";
    static final String HEADER = "student,repository,commit,submitted_at,deadline,late_by_hours,on_time_commit,last_commit,"
            + "last_pushed_at,pushes,flags";

    @Option(names = "--owner", required = true, paramLabel = "<owner>", description = "the organisation (or user) that owns the students' repositories")
    String owner;

    @Option(names = "--prefix", required = true, paramLabel = "<prefix>", description = "the start of every student repository's name, e.g. lru-cache-")
    String prefix;

    @Option(names = "--deadline", paramLabel = "<time>", description = "the deadline, ISO 8601 with its offset; without it, the last push counts")
    String deadline;

    @Option(names = "--late", paramLabel = "<policy>", description = "the late policy, as grade --late takes it (needed with --deadline)")
    String late;

    @Option(names = "--extensions", paramLabel = "<csv>", description = "students' own deadlines: student,deadline")
    Path extensions;

    @Option(names = "--branch", paramLabel = "<name>", description = "the branch to grade (default: each repository's "
            + "default branch; give the assignment's branch where students could change their default)")
    String branch;

    @Option(names = "--out", paramLabel = "<dir>", description = "where the checkouts and submissions.csv go (default: ${DEFAULT-VALUE})")
    Path out = Path.of("class");

    @Option(names = "--gh", paramLabel = "<command>", description = "the GitHub CLI to call (default: ${DEFAULT-VALUE})")
    String gh = "gh";

    @Spec
    CommandSpec spec;

    /** What was collected of one repository: a row of submissions.csv, or why it could not be. */
    record Row(String student, String repository, PushLog.Push chosen, Instant deadline, PushLog.Push onTime,
               PushLog.Push last, int pushes, List<String> flags) {
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        Instant due;
        LatePolicy policy;
        Map<String, Instant> own;
        try {
            if (deadline == null && (late != null || extensions != null)) {
                throw new IllegalArgumentException("--late and --extensions need --deadline.");
            }
            if (deadline != null && late == null) {
                throw new IllegalArgumentException("With --deadline, say how late work is graded (--late, as for grade): it "
                        + "decides whether a late push replaces work that was on time.");
            }
            due = deadline == null ? null : Deadlines.parseTime(deadline, "--deadline");
            policy = late == null ? null : LatePolicy.parse(late);
            own = extensions == null ? Map.of() : Deadlines.readExtensions(extensions);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return GraderCli.USAGE;
        }
        List<String[]> repositories;
        try {
            repositories = repositories();
        } catch (IllegalStateException e) {
            err.println(e.getMessage());
            return GraderCli.SETUP;
        }
        if (repositories.isEmpty()) {
            err.println("No repository of " + owner + " starts with " + prefix + ".");
            return GraderCli.USAGE;
        }
        if (!own.isEmpty()) {
            List<String> students = repositories.stream().map(r -> Submission.folderName(r[0].substring(prefix.length()))).toList();
            new Deadlines(due, policy, own, Map.of()).extensionsMatchingNone(students).forEach(name -> err.println(
                    "  the extensions file names " + PlainText.oneLine(name) + ", who has no repository here: check the name"));
        }
        Files.createDirectories(out.resolve("repos"));
        List<String> lines = new ArrayList<>(List.of(HEADER));
        int failed = 0;
        for (String[] repository : repositories) {
            String name = repository[0];
            String student = Submission.folderName(name.substring(prefix.length()));
            Instant studentDue = own.getOrDefault(student, due);
            try {
                Row row = collect(student, name, branch != null ? branch : repository[1], studentDue, policy);
                lines.add(line(row));
                err.println("  " + student + ": " + (row.chosen() == null ? "nothing pushed"
                        : row.chosen().after().substring(0, 12) + " pushed " + Lateness.time(row.chosen().at())));
            } catch (IllegalStateException | IllegalArgumentException e) {
                failed++;
                nothingToGrade(out.resolve("repos").resolve(student)); // never a stale or half-made checkout
                err.println("  " + student + ": not collected: " + PlainText.oneLine(String.valueOf(e.getMessage())));
                lines.add(line(new Row(student, owner + "/" + name, null, studentDue, null, null, 0,
                        List.of(Deadlines.NOT_COLLECTED + PlainText.clean(String.valueOf(e.getMessage()), 200)))));
            }
        }
        Files.write(out.resolve(SUBMISSIONS), lines, StandardCharsets.UTF_8);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(Locale.ROOT, "Collected %d of %d repositories into %s; their push times in %s.%nGrade them with:%n"
                        + "  java -jar grader/target/memolab-grader.jar grade --hidden%s --submitted %s --out grading %s%n",
                repositories.size() - failed, repositories.size(), out.resolve("repos"), out.resolve(SUBMISSIONS),
                deadline == null ? "" : " --deadline " + deadline + " --late '" + late + "'"
                        + (extensions == null ? "" : " --extensions " + extensions),
                out.resolve(SUBMISSIONS), out.resolve("repos") + "/*");
        stdout.flush();
        return failed == 0 ? GraderCli.OK : GraderCli.SOME_NOT_GRADED;
    }

    /** The owner's repositories named {@code prefix...}: each name and its default branch. */
    private List<String[]> repositories() throws InterruptedException {
        String listed = run(List.of(gh, "repo", "list", owner, "--limit", "10000", "--json", "name,defaultBranchRef"), null);
        List<String[]> repositories = new ArrayList<>();
        try {
            for (JsonElement element : JsonParser.parseString(listed).getAsJsonArray()) {
                JsonObject repository = element.getAsJsonObject();
                String name = repository.get("name").getAsString();
                JsonElement branch = repository.get("defaultBranchRef");
                String branchName = branch != null && branch.isJsonObject() && branch.getAsJsonObject().has("name")
                        ? branch.getAsJsonObject().get("name").getAsString() : "";
                if (name.startsWith(prefix) && name.length() > prefix.length()) {
                    repositories.add(new String[] {name, branchName});
                }
            }
        } catch (JsonParseException | IllegalStateException | NullPointerException e) {
            throw new IllegalStateException("gh repo list " + owner + " did not print the list of repositories: "
                    + PlainText.clean(listed, 200));
        }
        repositories.sort((a, b) -> a[0].compareTo(b[0]));
        return repositories;
    }

    /** One repository: its pushes read, the commit chosen, checked out into {@code <out>/repos/<student>}. */
    private Row collect(String student, String name, String branch, Instant due, LatePolicy policy) throws InterruptedException {
        String repository = owner + "/" + name;
        if (branch.isEmpty()) {
            nothingToGrade(out.resolve("repos").resolve(student));
            return new Row(student, repository, null, due, null, null, 0, List.of(Deadlines.EMPTY_REPOSITORY + ": nothing pushed"));
        }
        PushLog log = PushLog.parse(run(List.of(gh, "api", "--paginate", "repos/" + repository + "/activity?ref="
                + URLEncoder.encode("refs/heads/" + branch, StandardCharsets.UTF_8) + "&per_page=100"), null));
        List<String> flags = new ArrayList<>(log.forcedFlags(due));
        PushLog.Push chosen = log.choose(due, policy);
        Path folder = out.resolve("repos").resolve(student);
        if (Files.isDirectory(folder.resolve(".git"))) {
            run(List.of("git", "fetch", "--quiet", "origin"), folder);
        } else {
            run(List.of(gh, "repo", "clone", repository, folder.toString(), "--", "--quiet"), null);
        }
        if (chosen == null) {
            // Pushes from before GitHub kept this record, say: the branch's head, with no time to judge it by.
            flags.add(Deadlines.NO_PUSH_RECORDED + ": the branch's head, submission time unknown");
            run(List.of("git", "checkout", "--quiet", "--detach", "origin/" + branch), folder);
        } else {
            checkout(folder, chosen.after());
        }
        return new Row(student, repository, chosen, due, due == null ? null : log.lastBy(due), log.last(),
                log.pushes().size(), flags);
    }

    /**
     * An empty folder for a student with nothing collected, so that {@code grade class/repos/*}
     * still gives them a row ("nothing to grade", 0) and the class report names them.
     */
    private static void nothingToGrade(Path folder) {
        try {
            Folders.deleteTree(folder);
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checks {@code commit} out, fetching it first where history was rewritten and no branch holds it any more. */
    private void checkout(Path folder, String commit) throws InterruptedException {
        try {
            run(List.of("git", "cat-file", "-e", commit + "^{commit}"), folder);
        } catch (IllegalStateException missing) {
            run(List.of("git", "fetch", "--quiet", "origin", commit), folder);
        }
        run(List.of("git", "checkout", "--quiet", "--detach", commit), folder);
    }

    private String line(Row row) {
        return String.join(",", Gradebook.quote(row.student()), Gradebook.quote(row.repository()),
                row.chosen() == null ? "" : row.chosen().after(),
                row.chosen() == null ? "" : row.chosen().at().toString(),
                row.deadline() == null ? "" : row.deadline().toString(),
                Lateness.lateHoursCell(row.chosen() == null ? null : row.chosen().at(), row.deadline()),
                row.onTime() == null ? "" : row.onTime().after(),
                row.last() == null ? "" : row.last().after(),
                row.last() == null ? "" : row.last().at().toString(),
                Integer.toString(row.pushes()), Gradebook.quote(String.join("; ", row.flags())));
    }

    /**
     * Runs a command and returns what it printed.
     *
     * @throws IllegalStateException with its error output, when it fails or runs for ten minutes
     */
    private static String run(List<String> command, Path directory) throws InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + command.get(0) + " (" + e.getMessage() + ")"
                    + (command.get(0).equals("gh") ? ": install the GitHub CLI (https://cli.github.com) and log in with gh auth login" : ""));
        }
        CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " ran for 10 minutes and was stopped");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + PlainText.clean(stderr.join().strip(), 300));
        }
        return stdout.join();
    }

    private static String read(InputStream in) {
        try (in) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            return bytes.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
