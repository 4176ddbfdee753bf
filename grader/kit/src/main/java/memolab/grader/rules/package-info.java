/**
 * The rules of the exercise, as ArchUnit rules with their reasons
 * ({@link memolab.grader.rules.ExerciseRules}): the shortcut rule (no {@code LinkedHashMap}),
 * and the safety rules, which the suite's rule tests check in a student's own run and the
 * grader checks before it runs a submission at all.
 *
 * <p>Kit module: ships to students, so that they read the same rules that grade them.
 */
package memolab.grader.rules;
