package memolab.grader.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import memolab.grader.late.Deadlines;
import memolab.grader.late.GradescopeMetadata;
import memolab.grader.late.LatePolicy;
import memolab.grader.score.PlainText;
import picocli.CommandLine.Option;

/** The deadline, the late policy and where the submission times come from: the same options for {@code grade} and {@code rescore}. */
final class DeadlineOptions {

    @Option(names = "--deadline", paramLabel = "<time>", description = "the deadline, ISO 8601 with its offset "
            + "(2026-12-04T23:59:00+01:00): work submitted later is late, graded by --late. The times come from "
            + "--submitted (collect's submissions.csv: GitHub's record of each push), never from a commit's own date")
    String deadline;

    @Option(names = "--late", paramLabel = "<policy>", description = "how late work is graded, e.g. grace=15m,10%%/day,cap=3d "
            + "(10 %% of the score per started day after a 15-minute grace period, nothing after 3 days); none (late work "
            + "earns nothing); 0%%/day (counts in full, marked late). The penalty changes only the final score, never a test")
    String late;

    @Option(names = "--extensions", paramLabel = "<csv>", description = "students' own deadlines: a CSV file with the header "
            + "student,deadline")
    Path extensions;

    @Option(names = "--submitted", paramLabel = "<csv>", description = "when each submission was pushed: the "
            + "submissions.csv that collect writes (columns student, submitted_at, flags)")
    Path submitted;

    @Option(names = "--gradescope-metadata", paramLabel = "<json>", description = "Gradescope's submission_metadata.json: "
            + "the submission's time, the due and late due dates, the student's extension (one submission; with --late)")
    Path gradescopeMetadata;

    /**
     * The deadlines these options give ({@link Deadlines#none} without {@code --deadline}).
     *
     * @param single the one submission's name, for {@code --gradescope-metadata}; null when there are several
     * @throws IllegalArgumentException saying what is missing or wrong, with what to write
     */
    Deadlines read(String single) {
        if (deadline == null && gradescopeMetadata == null) {
            if (late != null || extensions != null || submitted != null) {
                throw new IllegalArgumentException("--late, --extensions and --submitted say how work after a deadline is "
                        + "graded: give the deadline too (--deadline 2026-12-04T23:59:00+01:00).");
            }
            return Deadlines.none();
        }
        if (late == null) {
            throw new IllegalArgumentException("Say how late work is graded: --late grace=15m,10%/day,cap=3d (10 % per started "
                    + "day after a 15-minute grace period, nothing after 3 days), --late none (late work earns nothing) or "
                    + "--late 0%/day (late work counts in full, marked late).");
        }
        LatePolicy policy = LatePolicy.parse(late);
        try {
            if (gradescopeMetadata != null) {
                if (deadline != null || extensions != null || submitted != null || single == null) {
                    throw new IllegalArgumentException("--gradescope-metadata gives the deadline, the extension and the "
                            + "submission time of one submission: give it with --late and exactly one <submission-dir>, "
                            + "without --deadline, --extensions or --submitted.");
                }
                return GradescopeMetadata.read(gradescopeMetadata).deadlines(single, policy);
            }
            if (submitted == null) {
                throw new IllegalArgumentException("--deadline needs the time each submission was pushed: --submitted "
                        + "<class>/submissions.csv, which collect writes from GitHub's record of the pushes (a commit's own "
                        + "date is the student's to set, so it is never used).");
            }
            return new Deadlines(Deadlines.parseTime(deadline, "--deadline"), policy,
                    extensions == null ? Map.of() : Deadlines.readExtensions(extensions), Deadlines.readSubmitted(submitted));
        } catch (IOException e) {
            throw new IllegalArgumentException("Could not read " + PlainText.oneLine(String.valueOf(e.getMessage())) + " ("
                    + e.getClass().getSimpleName() + ").");
        }
    }
}
