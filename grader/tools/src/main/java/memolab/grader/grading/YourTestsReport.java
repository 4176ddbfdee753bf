package memolab.grader.grading;

import java.util.List;
import memolab.grader.score.PlainText;

/**
 * What final grading measured of a student's own tests ("Your tests"): which are sound, which
 * of the corpus's bugs the sound ones catch, how much of the student's cache (all their classes but {@code Fibonacci}) they
 * cover, and the points that makes.
 *
 * @param possible   the category's points
 * @param earned     the points earned, to a tenth
 * @param problems   what kept tests from running (none found, not compiled, refused), for the student
 * @param tests      the tests found and run on the reference
 * @param unsound    the tests that failed on the reference at least once, with what they said
 * @param sound      how many tests passed on the reference every time
 * @param bugs       every bug of the corpus, caught or not
 * @param covered    branches of the student's cache the sound tests covered
 * @param branches   branches of the student's cache in all (0 when not measured)
 * @param leastBranches the fewest branches a complete cache of the course has (the most compact correct cache's): the
 *                   share covered counts at least these, so that a cache mostly unwritten, a few branches in all, does
 *                   not earn more than a finished one
 * @param failedOnOwn the sound tests (as the student named them) that failed on the student's own cache: each found
 *                   something that cache does wrong, which the graded tests see too
 * @param seconds    how long the measurement took
 * @param jvms       how many JVMs the tests ran in: one for the runs on the correct caches and then the student's own
 *                   code, one for the bugs', one more for the student's code where another student's run measured the
 *                   files ({@code measuredWith}), and one more after each test that never returned and could not be
 *                   stopped (its own code looped, or the student's cache did: a test stopped on a cache of the corpus
 *                   ends no JVM)
 * @param measuredWith the student of the batch whose identical test files were measured on the course's caches, this
 *                   student's figures but those of their own code taken from that run (their {@code seconds} are this
 *                   student's own code's run's, their {@code jvms} that run's and this one's); empty when this
 *                   student's own run measured them
 */
public record YourTestsReport(int possible, double earned, List<String> problems, int tests, List<Unsound> unsound, int sound,
                              List<BugVerdict> bugs, int covered, int branches, int leastBranches, List<String> failedOnOwn,
                              double seconds, int jvms, String measuredWith) {

    public YourTestsReport {
        failedOnOwn = List.copyOf(failedOnOwn);
    }

    /** The share of the points that follows the bugs caught; the rest follows the branch coverage. */
    public static final double THOROUGH_SHARE = 0.8;

    /**
     * The branch coverage that earns the whole coverage share (less earns in proportion): not
     * all, since a well-made cache has branches no correct use reaches (an {@code assert}'s
     * other side, the failures of an invariant check). The reference's own tests reach 75 %.
     */
    public static final double FULL_COVERAGE = 0.7;

    /** A test that failed on the reference: its name as the student wrote it, and its message there. */
    public record Unsound(String test, String message) {
    }

    /**
     * One bug of the corpus: what it is, how much it weighs, and the sound tests that failed on
     * it every time (none: missed).
     */
    public record BugVerdict(String name, String words, String severity, int weight, List<String> caughtBy) {
        public boolean caught() {
            return !caughtBy.isEmpty();
        }
    }

    /** The weight of the bugs caught. */
    public int caughtWeight() {
        return bugs.stream().filter(BugVerdict::caught).mapToInt(BugVerdict::weight).sum();
    }

    /** The weight of every bug. */
    public int totalWeight() {
        return bugs.stream().mapToInt(BugVerdict::weight).sum();
    }

    /** The points for the bugs caught. */
    public double thoroughPoints() {
        return sound == 0 || totalWeight() == 0 ? 0 : tenth(possible * THOROUGH_SHARE * caughtWeight() / totalWeight());
    }

    /** The points for the branches covered. */
    public double coveringPoints() {
        return sound == 0 || branches == 0 ? 0
                : tenth(possible * (1 - THOROUGH_SHARE) * Math.min(1, covered / (double) countedBranches() / FULL_COVERAGE));
    }

    /** The branches the share covered is counted against: the cache's own, or the fewest of a complete cache when fewer. */
    public int countedBranches() {
        return Math.max(branches, leastBranches);
    }

    /** The report's figures with the points computed from them. */
    static YourTestsReport of(int possible, List<String> problems, int tests, List<Unsound> unsound, int sound,
                              List<BugVerdict> bugs, int covered, int branches, int leastBranches, double seconds, int jvms) {
        return of(possible, problems, tests, unsound, sound, bugs, covered, branches, leastBranches, List.of(), seconds, jvms);
    }

    /** As above, with the sound tests that failed on the student's own cache. */
    static YourTestsReport of(int possible, List<String> problems, int tests, List<Unsound> unsound, int sound,
                              List<BugVerdict> bugs, int covered, int branches, int leastBranches, List<String> failedOnOwn,
                              double seconds, int jvms) {
        YourTestsReport report = new YourTestsReport(possible, 0, problems, tests, unsound, sound, bugs, covered, branches,
                leastBranches, failedOnOwn, seconds, jvms, "");
        return new YourTestsReport(possible, tenth(report.thoroughPoints() + report.coveringPoints()), problems, tests, unsound,
                sound, bugs, covered, branches, leastBranches, failedOnOwn, seconds, jvms, "");
    }

    /** This report, its tests measured on the course's caches in {@code student}'s run. */
    YourTestsReport measuredWith(String student) {
        return new YourTestsReport(possible, earned, problems, tests, unsound, sound, bugs, covered, branches, leastBranches,
                failedOnOwn, seconds, jvms, student);
    }

    /** A report of no tests run, for {@code why}. */
    static YourTestsReport none(int possible, String why, double seconds) {
        return new YourTestsReport(possible, 0, List.of(why), 0, List.of(), 0, List.of(), 0, 0, 0, List.of(), seconds, 0, "");
    }

    private static double tenth(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /** A figure as the reports show it: "7.5", "10". */
    public static String points(double value) {
        return Rubric.points(value);
    }

    /** The section of the student's feedback. */
    public String markdown() {
        StringBuilder text = new StringBuilder("## Your tests: ").append(points(earned)).append(" of ").append(possible)
                .append("\n\n");
        text.append("Final grading ran the tests you wrote in `src/test/java/memolab` three ways: on two correct "
                + "caches, the reference and a compact one, twice each (a sound test passes on a correct cache, every time), on ").append(bugs.isEmpty() ? "the"
                : String.valueOf(bugs.size())).append(" caches with one known bug each (a thorough suite fails on "
                + "them), and on your own cache, with JaCoCo counting the branches your tests reach in `LruCache` and any class of yours "
                + "but `Fibonacci`.\n\n");
        if (!problems.isEmpty()) {
            problems.forEach(p -> text.append(p).append("\n\n"));
            if (tests == 0) {
                return text.toString();
            }
        }
        text.append("**Sound: ").append(sound).append(" of ").append(tests).append(tests == 1 ? " test" : " tests")
                .append(" passed on both correct caches every time.**");
        if (unsound.isEmpty()) {
            text.append("\n\n");
        } else {
            text.append(" A test that fails on a correct cache asserts something the contract does not say, or depends on "
                    + "chance (a random seed, the clock, the order of a `HashMap`); it earns nothing, and the bugs below "
                    + "count only the sound ones:\n\n");
            for (Unsound test : unsound) {
                text.append("- ").append(PlainText.inlineCode(test.test())).append(": ")
                        .append(PlainText.inlineCode(PlainText.oneLine(test.message().replaceAll("\\s+", " ")))).append('\n');
            }
            text.append('\n');
        }
        if (sound == 0) {
            text.append("With no sound test, nothing below could be measured.\n\n");
            return text.toString();
        }
        long caught = bugs.stream().filter(BugVerdict::caught).count();
        text.append("**Thorough: ").append(caught).append(" of ").append(bugs.size()).append(" bugs caught** (")
                .append(caughtWeight()).append(" of ").append(totalWeight()).append(" by weight: a central bug weighs 3, a "
                + "secondary one 2, an edge case 1), ").append(points(thoroughPoints())).append(" of ")
                .append(points(possible * THOROUGH_SHARE)).append(" points. Each bug ran twice, at two places of an "
                + "order drawn at random; it is caught when the same sound test fails on it both times.\n\n");
        for (BugVerdict bug : bugs) {
            if (!bug.caught()) {
                text.append("- Missed (").append(bug.severity()).append("): ").append(bug.words())
                        .append(" None of your sound tests failed on it in both runs.\n");
            }
        }
        for (BugVerdict bug : bugs) {
            if (bug.caught()) {
                text.append("- Caught (").append(bug.severity()).append("): ").append(bug.words()).append(" Failed: ")
                        .append(PlainText.inlineCode(bug.caughtBy().get(0)))
                        .append(bug.caughtBy().size() > 1 ? " and " + (bug.caughtBy().size() - 1) + " more" : "").append(".\n");
            }
        }
        text.append("\n**Covering: ");
        if (branches == 0) {
            text.append("not measured** (your own cache did not run, or its classes have no branch to count: see the report "
                    + "above).\n");
        } else {
            text.append(covered).append(" of ").append(branches).append(" branches of your cache's classes** (")
                    .append(Math.round(100.0 * covered / branches)).append(" %").append(branches < leastBranches
                            ? "; counted as " + covered + " of " + leastBranches + ", the branches of the course's most "
                            + "compact complete cache: the rest of yours is not written yet, or is more compact still" : "")
                    .append("), ").append(points(coveringPoints()))
                    .append(" of ").append(points(possible * (1 - THOROUGH_SHARE))).append(" points (all of them from ")
                    .append(Math.round(FULL_COVERAGE * 100)).append(" %: an `assert` or an invariant check has branches no "
                    + "correct use reaches).\n");
        }
        if (!failedOnOwn.isEmpty()) {
            boolean one = failedOnOwn.size() == 1;
            text.append("\n**On your own cache, ").append(failedOnOwn.size()).append(one ? " sound test" : " sound tests")
                    .append(" of yours failed:** ").append(String.join(", ", failedOnOwn.stream().map(PlainText::inlineCode).toList()))
                    .append(". ").append(one ? "It passes" : "They pass").append(" on both correct caches, so ")
                    .append(one ? "it has" : "each has").append(" found something your cache does wrong: the graded tests "
                    + "that failed in this report say what, and `./mvnw test` shows the same failure.\n");
        }
        return text.toString();
    }
}
