package memolab.grader.rules;

/**
 * Thrown by a graded test that finds a rule of the exercise broken (not merely a test that
 * fails). Its test then counts as {@code VIOLATED}, and the categories the rule guards (see
 * {@link memolab.grader.Guard}) earn nothing.
 */
public class RuleViolation extends AssertionError {

    private static final long serialVersionUID = 1L;

    public RuleViolation(String message) {
        super(message);
    }
}
