/**
 * What the suite, the tools and the benchmarks share that is not the rubric: the median
 * ({@link memolab.grader.shared.Statistics}) and the class loader that defines some classes
 * itself, never asking its parent ({@link memolab.grader.shared.OwnFirstClassLoader}), which
 * the grader's isolation and the suite's timing tests both need.
 *
 * <p>Kit module: ships to students.
 */
package memolab.grader.shared;
