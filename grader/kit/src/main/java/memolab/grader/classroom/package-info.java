/**
 * Classroom 50's result files ({@code result.json}, {@code release-body.md}), written at the
 * end of a student's own test run when the course's autograder asks for them. Here, not with
 * the instructor's reports, because that run happens in the student's repository.
 *
 * <p>Kit module: ships to students.
 */
package memolab.grader.classroom;
