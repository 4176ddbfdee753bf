package memolab.grader.runner;

import java.util.Comparator;
import java.util.Set;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * Orders the suite's test classes as its configuration does ({@code @Order}: the rules first),
 * but runs the classes named in the configuration parameter {@value #PARAMETER}
 * (comma-separated) last. An {@link ClassOrderer.OrderAnnotation} itself, so that JUnit honours
 * the suite's {@code @Order} and does not log it as ineffective (a line the student's report
 * would show among what their code printed). The grader names the
 * classes of a category where a test already ran away: in the fresh JVM that goes on after
 * it, the categories the bug has not touched run first, so that if a submission uses up its
 * fresh starts, the tests left unrun are those of the categories it loops in.
 */
public final class DeferredClassesLast extends ClassOrderer.OrderAnnotation {

    /** The configuration parameter that lists the classes to run last. */
    public static final String PARAMETER = "memolab.deferredClasses";

    @Override
    public void orderClasses(ClassOrdererContext context) {
        super.orderClasses(context);
        Set<String> deferred = Set.of(context.getConfigurationParameter(PARAMETER).orElse("").split(","));
        // A stable sort: the classes keep the order by @Order among themselves.
        context.getClassDescriptors().sort(Comparator.comparing((ClassDescriptor c) -> deferred.contains(c.getTestClass().getName())));
    }
}
