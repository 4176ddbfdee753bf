package memolab.grader.score;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import memolab.grader.Category;
import memolab.grader.Guard;

/**
 * Points per category, added up from test outcomes: the data behind every rendering of a
 * score (console table now; files for the grader's reports).
 */
public final class Score {

    /** The points of the whole suite, visible and hidden tests together. */
    public static final int SUITE_TOTAL = 100;

    /** The points of the visible tests, which a student's own run has; the rest are final grading's hidden tests. */
    public static final int VISIBLE_TOTAL = 82;

    /** One row of the score: a category's points and tests. */
    public record Row(Category category, int earned, int possible, int passed, int tests) {
    }

    private final List<TestOutcome> outcomes;
    private final Map<Category, Row> rows;

    private Score(List<TestOutcome> given) {
        this.outcomes = List.copyOf(Guard.apply(given));
        this.rows = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            int earned = 0;
            int possible = 0;
            int passed = 0;
            int tests = 0;
            for (TestOutcome outcome : this.outcomes) {
                if (outcome.category() == category) {
                    earned += outcome.earned();
                    possible += outcome.points();
                    passed += outcome.status() == TestOutcome.Status.PASSED ? 1 : 0;
                    tests++;
                }
            }
            if (tests > 0) {
                rows.put(category, new Row(category, earned, possible, passed, tests));
            }
        }
    }

    /** Adds up the given outcomes, with the {@link Guard guards} of broken rules applied. */
    public static Score of(List<TestOutcome> outcomes) {
        return new Score(outcomes);
    }

    /** The outcomes, in the order the tests were planned. */
    public List<TestOutcome> outcomes() {
        return outcomes;
    }

    /** The rows, in rubric order; categories with no test in the run are left out. */
    public List<Row> rows() {
        return new ArrayList<>(rows.values());
    }

    /** The row of one category, or a row of zeros if none of its tests ran. */
    public Row row(Category category) {
        return rows.getOrDefault(category, new Row(category, 0, 0, 0, 0));
    }

    /** The points earned in all categories. */
    public int earned() {
        return rows.values().stream().mapToInt(Row::earned).sum();
    }

    /** The points the tests in this run are worth. */
    public int possible() {
        return rows.values().stream().mapToInt(Row::possible).sum();
    }

    /** The failed and not-run tests, in plan order. */
    public List<TestOutcome> lost() {
        return outcomes.stream().filter(o -> o.status() != TestOutcome.Status.PASSED).toList();
    }

    /**
     * Lost tests of one category that failed with the same message.
     *
     * @param category the category
     * @param message  the message they share
     * @param tests    the tests, in plan order
     */
    public record LostGroup(Category category, String message, List<TestOutcome> tests) {
    }

    /**
     * The lost tests grouped for reading: by category in rubric order, then by message (on
     * untouched stubs or a compile error, most tests fail the same way).
     */
    public List<LostGroup> lostGroups() {
        Map<Category, Map<String, List<TestOutcome>>> byCategory = new EnumMap<>(Category.class);
        for (TestOutcome outcome : lost()) {
            byCategory.computeIfAbsent(outcome.category(), c -> new LinkedHashMap<>())
                    .computeIfAbsent(outcome.message(), m -> new ArrayList<>())
                    .add(outcome);
        }
        List<LostGroup> groups = new ArrayList<>();
        byCategory.forEach((category, byMessage) ->
                byMessage.forEach((message, tests) -> groups.add(new LostGroup(category, message, List.copyOf(tests)))));
        return groups;
    }
}
