/**
 * The student template, as {@code release} writes it: the shipped modules whole, the files
 * made from {@code grader/tools/src/student-template}, and the manifest of fingerprints that
 * final grading checks repositories against.
 *
 * <p>Tools module: the instructor's; never shipped.
 */
package memolab.grader.template;
