package memolab.grader.runner;

import java.util.Comparator;
import java.util.Set;
import memolab.grader.Hidden;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.Order;

/**
 * The order the grader runs the suite's test classes in, and so numbers their tests (the
 * Gradescope "number", the class report): by {@code @Order} first (the rules run first), then
 * the visible classes before the hidden ones, then by name; a class's {@code @Nested} classes
 * as the class declares them. So a visible test has the same
 * number in a per-push run, which has the visible tests only, as in final grading, and the
 * order does not depend on how JUnit found the classes.
 *
 * <p>The classes named in the configuration parameter {@value #PARAMETER} (comma-separated)
 * run last: the grader names the classes of a category where a test already ran away, so that
 * in the fresh JVM that goes on after it, the categories the bug has not touched run first, and
 * if a submission uses up its fresh starts, the tests left unrun are those of the categories it
 * loops in. An {@link ClassOrderer.OrderAnnotation} itself, so that JUnit honours the suite's
 * {@code @Order} and does not log it as ineffective (a line the student's report would show
 * among what their code printed).
 */
public final class SuiteClassOrder extends ClassOrderer.OrderAnnotation {

    /** The configuration parameter that lists the classes to run last. */
    public static final String PARAMETER = "memolab.deferredClasses";

    @Override
    public void orderClasses(ClassOrdererContext context) {
        if (context.getClassDescriptors().stream().anyMatch(c -> c.getTestClass().getEnclosingClass() != null)) {
            super.orderClasses(context); // a class's @Nested classes: by @Order, else as declared
            return;
        }
        Set<String> deferred = Set.of(context.getConfigurationParameter(PARAMETER).orElse("").split(","));
        context.getClassDescriptors().sort(Comparator
                .comparing((ClassDescriptor c) -> deferred.contains(c.getTestClass().getName()))
                .thenComparingInt(c -> c.findAnnotation(Order.class).map(Order::value).orElse(Order.DEFAULT))
                .thenComparing(c -> c.isAnnotated(Hidden.class))
                .thenComparing(c -> c.getTestClass().getName()));
    }
}
