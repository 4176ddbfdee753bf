/**
 * Running the suite inside one JVM: compiling sources against the JDK alone, the class
 * loaders that keep the suite the grader's and the student's classes the student's, and the
 * JUnit launch. Used by the child JVM of {@code memolab.grader.grading}, and in-process by the
 * proofs and the benchmarks.
 *
 * <p>Tools module: the instructor's; never shipped.
 */
package memolab.grader.runner;
