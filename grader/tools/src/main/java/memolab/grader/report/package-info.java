/**
 * The instructor's reports of a grading run: {@code feedback.md} and {@code results.json}
 * (Gradescope's format) per student, and {@code gradebook.csv} for the class. The score table
 * and the Classroom 50 files are the kit's, because students' own runs write them too.
 *
 * <p>Tools module: the instructor's; never shipped.
 */
package memolab.grader.report;
