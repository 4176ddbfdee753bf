package memolab.grader;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test method as graded: passing it earns {@link #points()} in
 * {@link #category()}, failing it earns none. The points of all graded tests, visible and
 * {@link Hidden}, add up to 100.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Graded {

    /** The rubric category the points count in. */
    Category category();

    /** The points this test is worth, all or nothing. */
    int points();

    /**
     * The rule this test checks, when breaking it voids other categories (see {@link Guard});
     * at most one. The test signals a broken rule by throwing a {@code RuleViolation}.
     */
    Guard[] guards() default {};
}
