package memolab.grader.rules;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.resolvers.ClassResolver;
import com.tngtech.archunit.core.importer.resolvers.ClassResolverFromClasspath;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How {@link ExerciseRules#importStudentClasses} finds the classes the student's classes use:
 * from the class path, as ArchUnit does by default, except the test libraries' entry points
 * ({@code Assertions.assertThat}, {@code Assumptions.assumeTrue}), which stay names only.
 *
 * <p>Why: ArchUnit reads every class a student's class calls, and then the classes those name in
 * their own signatures. AssertJ's {@code Assertions} names most of AssertJ, so a test class of
 * one {@code assertThat} took 0.65 s to import, 0.37 s without it (measured on the starter's
 * test, JDK 17). Why the verdicts stay the same: the rules ask of a class the student uses only
 * its name, its package, and whether it is a subtype of a JDK class they name ({@code Thread},
 * {@code File}, {@code Throwable}, ...); these entry points are classes of static methods whose
 * supertypes are {@code Object} and their own library's interfaces (ExerciseRulesImportTest
 * checks it on the libraries the course pins, and that the rules' verdicts do not change).
 * The classes those methods return ({@code AbstractListAssert}, ...) are still read whenever
 * the student calls one of their methods.
 *
 * <p>ArchUnit makes one of these by name (so it is public, with the constructor it calls).
 */
public final class EntryPointsUnread implements ClassResolver {

    /**
     * The entry points left unread: classes of static methods only, large ones. (Not AssertJ's
     * {@code WithAssertions}, an interface: left unread, it was named as a class a test extends.)
     */
    static final Set<String> ENTRY_POINTS = Set.of(
            "org.assertj.core.api.Assertions",
            "org.assertj.core.api.BDDAssertions",
            "org.assertj.core.api.Assumptions",
            "org.assertj.core.api.BDDAssumptions",
            "org.junit.jupiter.api.Assertions",
            "org.junit.jupiter.api.Assumptions");

    private final ClassResolverFromClasspath classPath = new ClassResolverFromClasspath();

    /** The constructor ArchUnit calls: with the arguments of its configuration (none here). */
    public EntryPointsUnread(List<String> arguments) {
        if (!arguments.isEmpty()) {
            throw new IllegalArgumentException("EntryPointsUnread takes no arguments, got " + arguments);
        }
    }

    @Override
    public void setClassUriImporter(ClassUriImporter importer) {
        classPath.setClassUriImporter(importer);
    }

    @Override
    public Optional<JavaClass> tryResolve(String typeName) {
        return ENTRY_POINTS.contains(typeName) ? Optional.empty() : classPath.tryResolve(typeName);
    }
}
