package memolab.grader;

import static memolab.grader.Category.MEMO_TIMING;
import static memolab.grader.Category.LRU_COST;
import static memolab.grader.Category.LRU_EXAMPLES;
import static memolab.grader.Category.LRU_SEQUENCES;
import static memolab.grader.Category.MEMO_COUNTERS;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import memolab.grader.score.TestOutcome;

/**
 * The rules that guard categories: a rule of the exercise whose breaking makes other
 * categories' passing tests worthless, because those tests would then measure someone
 * else's work. This enum is the one place that says which rule guards which categories;
 * a graded test names the rule it checks with {@link Graded#guards()}, and the rubric
 * tables show the mapping. {@link #apply} is applied in one place, where points are added
 * up ({@code Score}), so every report of a score shows the same.
 *
 * <p>A guard applies only when its test finds the rule broken (the test fails with a
 * {@code RuleViolation}, or, for a guard whose test {@linkplain #runsStudentCode runs the
 * student's code}, fails at all); another guard test that fails for another reason (the
 * stubs are not written yet) costs its own points and nothing else.
 */
public enum Guard {
    /** The cache is the student's own work, not a library's. */
    LRU_BUILT_BY_HAND("a class of the submission uses LinkedHashMap or LinkedHashSet, which do the work these categories "
                    + "grade (LruCache can reach it without naming its class)",
            EnumSet.of(LRU_EXAMPLES, LRU_SEQUENCES, LRU_COST), false),
    /** The memoizer memoizes in the student's cache. */
    MEMO_IN_LRU_CACHE("Fibonacci does not keep its results in its LruCache, so its counters and its speed are not the "
                    + "memoization these categories grade",
            EnumSet.of(MEMO_COUNTERS, MEMO_TIMING), true),
    /** The code has no side effects; in final grading such code is refused before it runs. */
    SAFE_TO_RUN("the code breaks a safety rule; final grading does not run such code at all, so every category scores 0",
            EnumSet.allOf(Category.class), false);

    private final String consequence;
    private final Set<Category> guarded;
    private final boolean runsStudentCode;

    Guard(String consequence, Set<Category> guarded, boolean runsStudentCode) {
        this.consequence = consequence;
        this.guarded = guarded;
        this.runsStudentCode = runsStudentCode;
    }

    /**
     * Whether the guard's test runs the student's code (the others read the compiled classes).
     * Such a test counts as its rule broken however it fails (its time limit, an error, the
     * JVM's memory): nothing that code does while the guard watches it may leave the guarded
     * categories standing.
     */
    public boolean runsStudentCode() {
        return runsStudentCode;
    }

    /** Why the guarded categories earn nothing when the rule is broken, for a student. */
    public String consequence() {
        return consequence;
    }

    /** The guarded categories' titles, for the rubric tables. */
    public String guardedTitles() {
        return guarded.size() == Category.values().length ? "every category"
                : String.join(", ", guarded.stream().map(Category::title).toList());
    }

    /**
     * The outcomes with every guard applied: each passing test in a category guarded by a
     * broken rule becomes {@link TestOutcome.Status#VOIDED}, worth nothing, with one message
     * that names the rule.
     */
    public static List<TestOutcome> apply(List<TestOutcome> outcomes) {
        Map<Category, TestOutcome> brokenBy = new EnumMap<>(Category.class);
        for (TestOutcome outcome : outcomes) {
            if (outcome.status() == TestOutcome.Status.VIOLATED && outcome.guard() != null) {
                outcome.guard().guarded.forEach(category -> brokenBy.putIfAbsent(category, outcome));
            }
        }
        if (brokenBy.isEmpty()) {
            return outcomes;
        }
        List<TestOutcome> guarded = new ArrayList<>(outcomes.size());
        for (TestOutcome outcome : outcomes) {
            TestOutcome violation = brokenBy.get(outcome.category());
            if (violation != null && outcome.status() == TestOutcome.Status.PASSED) {
                outcome = outcome.with(TestOutcome.Status.VOIDED, voidedMessage(violation));
            }
            guarded.add(outcome);
        }
        return guarded;
    }

    /** The message of a passing test that does not count: short, pointing to the rule's own message. */
    static String voidedMessage(TestOutcome violation) {
        return "Passed, but not counted: " + violation.guard().consequence() + ". See the rule \""
                + violation.displayName() + "\" in " + violation.category().title() + " for where and how to fix it.";
    }
}
