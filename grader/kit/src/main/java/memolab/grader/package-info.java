/**
 * The rubric: {@link memolab.grader.Category} (the seven categories, in table order),
 * {@link memolab.grader.Graded} (a test's category and points), {@link memolab.grader.Hidden}
 * (final grading only) and {@link memolab.grader.Guard} (which rule voids which categories).
 *
 * <p>Kit module: ships to students. The kit's packages depend on JUnit, ArchUnit and Gson
 * only, never on the student API or on an instructor's module (the kit's pom bans it).
 */
package memolab.grader;
