package memolab.grader.runner;

import java.util.Comparator;
import java.util.Set;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * Orders the suite's test classes as JUnit would, but runs the classes named in the
 * configuration parameter {@value #PARAMETER} (comma-separated) last. The grader names the
 * classes of a category where a test already ran away: in the fresh JVM that goes on after
 * it, the categories the bug has not touched run first, so that if a submission uses up its
 * fresh starts, the tests left unrun are those of the categories it loops in.
 */
public final class DeferredClassesLast implements ClassOrderer {

    /** The configuration parameter that lists the classes to run last. */
    public static final String PARAMETER = "memolab.deferredClasses";

    @Override
    public void orderClasses(ClassOrdererContext context) {
        Set<String> deferred = Set.of(context.getConfigurationParameter(PARAMETER).orElse("").split(","));
        // A stable sort: the classes keep JUnit's order among themselves.
        context.getClassDescriptors().sort(Comparator.comparing((ClassDescriptor c) -> deferred.contains(c.getTestClass().getName())));
    }
}
