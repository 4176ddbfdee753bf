/**
 * "Your tests": the student's own tests, measured in final grading. Sound (they pass on the
 * reference, every time), thorough (they fail on the bug corpus's bugs) and covering (JaCoCo's
 * branch coverage of the student's own {@code LruCache}). The corpus and the reference travel
 * in the full grader jar only.
 */
package memolab.grader.owntests;
