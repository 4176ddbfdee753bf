package memolab.grader.late;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How late work is graded, in one place: a grace period, a penalty per started day (or hour)
 * after the deadline, and a cap after which late work earns nothing. Written as a short text,
 * items separated by commas, the same for {@code grade --late}, {@code release --late} (which
 * puts it into Gradescope's autograder) and the docs:
 *
 * <ul>
 *   <li>{@code grace=15m}: work at most this late loses nothing (default: none);</li>
 *   <li>{@code 10%/day} or {@code 2%/hour}: the share of the raw score lost per started day
 *       (hour) after the deadline, counted from the deadline itself (default: 0);</li>
 *   <li>{@code cap=3d}: work later than this earns nothing (default: no cap);</li>
 *   <li>{@code none}: late work earns nothing (after the grace period, if one is given).</li>
 * </ul>
 *
 * <p>Durations are a number and a unit ({@code 30m}, {@code 36h}, {@code 2d}) or ISO 8601
 * ({@code PT15M}). The penalty scales the raw score: it never changes a test's result, so a
 * regrade or a changed policy gives the same raw score.
 *
 * @param grace          work at most this late loses nothing
 * @param percentPerUnit the share lost per started unit after the deadline, 0 to 100
 * @param unit           a day or an hour
 * @param cap            work later than this earns nothing; null for no cap
 * @param text           the policy as written, for reports
 */
public record LatePolicy(Duration grace, double percentPerUnit, Duration unit, Duration cap, String text) {

    private static final Pattern PENALTY = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*%\\s*/\\s*(day|hour)");
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*([mhd])");

    /** The examples every error message gives. */
    static final String EXAMPLES = "e.g. \"grace=15m,10%/day,cap=3d\" (10 % per started day after a 15-minute grace "
            + "period, nothing after 3 days), \"none\" (late work earns nothing) or \"0%/day\" (late work counts in full, "
            + "marked late)";

    /** A policy that is not valid: what was wrong, with examples of valid ones. */
    public static final class InvalidPolicyException extends IllegalArgumentException {
        InvalidPolicyException(String message) {
            super(message);
        }
    }

    /**
     * Reads a policy.
     *
     * @throws InvalidPolicyException naming the item that is wrong
     */
    public static LatePolicy parse(String text) {
        Duration grace = Duration.ZERO;
        double percent = 0;
        Duration unit = Duration.ofDays(1);
        Duration cap = null;
        boolean penaltyGiven = false;
        if (text == null || text.isBlank()) {
            throw new InvalidPolicyException("The late policy is empty: " + EXAMPLES + ".");
        }
        for (String raw : text.split(",")) {
            String item = raw.strip().toLowerCase(Locale.ROOT);
            Matcher penalty = PENALTY.matcher(item);
            if (item.equals("none")) {
                cap = Duration.ZERO;
            } else if (item.startsWith("grace=")) {
                grace = duration(item.substring("grace=".length()), "grace");
            } else if (item.startsWith("cap=")) {
                cap = duration(item.substring("cap=".length()), "cap");
            } else if (penalty.matches()) {
                if (penaltyGiven) {
                    throw new InvalidPolicyException("The late policy \"" + text + "\" gives two penalties; give one: " + EXAMPLES + ".");
                }
                penaltyGiven = true;
                percent = Double.parseDouble(penalty.group(1));
                unit = penalty.group(2).equals("day") ? Duration.ofDays(1) : Duration.ofHours(1);
                if (percent > 100) {
                    throw new InvalidPolicyException("The late penalty " + item + " is more than 100 %; at most 100 %/day, "
                            + "and cap= says when late work earns nothing: " + EXAMPLES + ".");
                }
            } else {
                throw new InvalidPolicyException("The late policy \"" + text + "\" has an item this grader does not know: \""
                        + raw.strip() + "\". Items: grace=<duration>, <percent>%/day or <percent>%/hour, cap=<duration>, none; "
                        + EXAMPLES + ".");
            }
        }
        return new LatePolicy(grace, percent, unit, cap, text.strip());
    }

    private static Duration duration(String text, String item) {
        Matcher simple = SHORT_DURATION.matcher(text.strip());
        if (simple.matches()) {
            long amount = Long.parseLong(simple.group(1));
            return switch (simple.group(2)) {
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        try {
            Duration parsed = Duration.parse(text.strip().toUpperCase(Locale.ROOT));
            if (!parsed.isNegative()) {
                return parsed;
            }
        } catch (DateTimeParseException e) {
            // said below
        }
        throw new InvalidPolicyException("The late policy's " + item + "=" + text + " is not a duration: write a number and "
                + "m, h or d (15m, 36h, 3d) or ISO 8601 (PT15M); " + EXAMPLES + ".");
    }

    /** The same policy, where work later than {@code limit} after the deadline earns nothing (the tighter cap wins). */
    public LatePolicy capAt(Duration limit) {
        Duration tighter = cap == null || limit.compareTo(cap) < 0 ? limit : cap;
        return new LatePolicy(grace, percentPerUnit, unit, tighter, text);
    }

    /**
     * The share of the raw score lost, 0 to 100, by work {@code late} after its deadline
     * (zero or negative: on time).
     */
    public double penaltyPercent(Duration late) {
        if (late.isNegative() || late.isZero() || late.compareTo(grace) <= 0) {
            return 0;
        }
        if (cap != null && late.compareTo(cap) > 0) {
            return 100;
        }
        long units = (late.toNanos() + unit.toNanos() - 1) / unit.toNanos(); // each started day (hour) counts
        return Math.min(100, BigDecimal.valueOf(units).multiply(BigDecimal.valueOf(percentPerUnit))
                .setScale(2, RoundingMode.HALF_UP).doubleValue()); // 3 x 3.3 % is 9.9 %, not 9.899999999999999
    }

    /** The raw score less the penalty for {@code late}, to two decimals (half up). */
    public double finalScore(double raw, Duration late) {
        return BigDecimal.valueOf(raw).multiply(BigDecimal.valueOf(100 - penaltyPercent(late)))
                .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP).doubleValue();
    }

    /** In words, for a student: "10 % per started day after the deadline, after a grace period of 15 minutes; nothing after 3 days". */
    public String describe() {
        StringBuilder words = new StringBuilder();
        if (cap != null && cap.isZero()) {
            words.append("late work earns nothing");
        } else if (percentPerUnit == 0) {
            words.append("late work counts in full");
        } else {
            words.append(String.format(Locale.ROOT, "%s %% of the score per started %s after the deadline",
                    number(percentPerUnit), unit.equals(Duration.ofDays(1)) ? "day" : "hour"));
        }
        if (!grace.isZero()) {
            words.append(", after a grace period of ").append(Lateness.words(grace));
        }
        if (cap != null && !cap.isZero()) {
            words.append("; work more than ").append(Lateness.words(cap)).append(" late earns nothing");
        }
        return words.toString();
    }

    public static String number(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%s", value);
    }
}
