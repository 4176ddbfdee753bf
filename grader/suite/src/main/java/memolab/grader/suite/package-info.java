/**
 * The graded suite: every test carries {@link memolab.grader.Graded} points, and the classes
 * named {@code Hidden*Test} run only in final grading. One test class per category, named as
 * the category is ({@code LruExamplesTest} for {@code LRU_EXAMPLES}, and so on); the other
 * classes are what those tests share (the model cache, the meters of the timing tests, the
 * guard's checks).
 *
 * <p>Suite module: ships to students (without the hidden tests). Compiled against the stubs'
 * API and run against whichever implementation is on the class path.
 */
package memolab.grader.suite;
