package memolab.grader.late;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One submission against its deadline: when it was submitted (by a time the server recorded,
 * never a date inside a commit), its deadline (the class's, or the student's extension), how
 * late it was, and what the policy took. The per-test results never change: the final score
 * is the raw score less the penalty.
 *
 * @param submittedAt    when the server received it; null when nothing recorded it
 * @param deadline       the deadline that applies to this student; null when none was set
 * @param extended       whether that deadline is the student's own extension
 * @param policy         the late policy; null when none was set
 * @param raw            the raw score (the tests' points)
 * @param penaltyPercent the share of the raw score taken, 0 to 100
 * @param finalScore     the raw score less the penalty
 */
public record Lateness(Instant submittedAt, Instant deadline, boolean extended, LatePolicy policy, double raw,
                       double penaltyPercent, double finalScore) {

    /** No deadline set: the final score is the raw one, and the reports say nothing of time. */
    public static Lateness none(double raw) {
        return new Lateness(null, null, false, null, raw, 0, raw);
    }

    /** Judged by {@code policy}: late by the time from {@code deadline} to {@code submittedAt} (unknown: no penalty). */
    public static Lateness judge(Instant submittedAt, Instant deadline, boolean extended, LatePolicy policy, double raw) {
        if (submittedAt == null || deadline == null) {
            return new Lateness(submittedAt, deadline, extended, policy, raw, 0, raw);
        }
        Duration late = Duration.between(deadline, submittedAt);
        return new Lateness(submittedAt, deadline, extended, policy, raw, policy.penaltyPercent(late),
                policy.finalScore(raw, late));
    }

    /** Whether a deadline applies at all. */
    public boolean applies() {
        return deadline != null;
    }

    /** How long after the deadline it came; zero when on time or unknown. */
    public Duration lateBy() {
        if (submittedAt == null || deadline == null || !submittedAt.isAfter(deadline)) {
            return Duration.ZERO;
        }
        return Duration.between(deadline, submittedAt);
    }

    /** Whether a gradebook flag is one of {@link #flags}': a rescore replaces them. */
    public static boolean isLatenessFlag(String flag) {
        return flag.startsWith(LATE_BY) || flag.equals(TIME_UNKNOWN);
    }

    private static final String LATE_BY = "late by ";
    private static final String TIME_UNKNOWN = "submission time unknown: no late penalty applied";

    /** The instructor's flags: late, or a submission time nothing recorded. */
    public List<String> flags() {
        List<String> flags = new ArrayList<>();
        if (applies() && submittedAt == null) {
            flags.add(TIME_UNKNOWN);
        } else if (!lateBy().isZero()) {
            flags.add(LATE_BY + words(lateBy()) + (penaltyPercent > 0 ? ", penalty " + LatePolicy.number(penaltyPercent) + " %" : ""));
        }
        return flags;
    }

    /** How every {@link #explain} begins: what finds it again in a stored report. */
    public static final String EXPLAINED = "The deadline";

    /** For the student's feedback, on one line: what was applied and why; empty when no deadline was set. */
    public String explain() {
        if (!applies()) {
            return "";
        }
        String due = EXPLAINED + (extended ? " (your extension)" : "") + " was " + time(deadline) + ".";
        if (submittedAt == null) {
            return due + " No submission time was recorded for this submission, so no late penalty was applied; "
                    + "your instructor will check it.";
        }
        String when = " It was submitted " + time(submittedAt);
        if (lateBy().isZero()) {
            return due + when + ": on time.";
        }
        String late = when + ", " + words(lateBy()) + " late. The late policy: " + policy.describe() + ".";
        if (penaltyPercent == 0) {
            return due + late + " No penalty applies: the score is the tests' score.";
        }
        return due + late + String.format(Locale.ROOT, " Penalty: %s %% of %s, so the score is %s.",
                LatePolicy.number(penaltyPercent), LatePolicy.number(raw), LatePolicy.number(finalScore));
    }

    /** An instant as the reports show it: UTC, to the second. */
    public static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString().replace("T", " ").replace("Z", " UTC");
    }

    /** A duration in words, to the minute: "2 days 3 hours 5 minutes", "40 seconds". */
    public static String words(Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes == 0) {
            return duration.toSeconds() + (duration.toSeconds() == 1 ? " second" : " seconds");
        }
        List<String> parts = new ArrayList<>();
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        long rest = minutes % 60;
        if (days > 0) {
            parts.add(days + (days == 1 ? " day" : " days"));
        }
        if (hours > 0) {
            parts.add(hours + (hours == 1 ? " hour" : " hours"));
        }
        if (rest > 0) {
            parts.add(rest + (rest == 1 ? " minute" : " minutes"));
        }
        return String.join(" ", parts);
    }

    /** The late hours as the gradebook writes them: two decimals, empty when on time or unknown. */
    public String lateHoursCell() {
        return lateHoursCell(submittedAt, deadline);
    }

    /** As {@link #lateHoursCell()}, for work submitted at {@code submittedAt} against {@code deadline} (either may be null). */
    public static String lateHoursCell(Instant submittedAt, Instant deadline) {
        if (submittedAt == null || deadline == null || !submittedAt.isAfter(deadline)) {
            return "";
        }
        return String.format(Locale.ROOT, "%.2f", Duration.between(deadline, submittedAt).toSeconds() / 3600.0);
    }
}
