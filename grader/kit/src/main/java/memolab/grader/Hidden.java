package memolab.grader;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a graded test class (or method) as hidden: kept out of the student template and
 * run only in final grading. Hidden tests are stricter variants of visible ones: more
 * tries, larger inputs. The JUnit tag lets a build leave them out
 * ({@code excludedGroups=hidden}).
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Tag(Hidden.TAG)
public @interface Hidden {

    /** The JUnit tag carried by hidden tests. */
    String TAG = "hidden";
}
