/**
 * Grading one submission from the outside: find its sources (package {@code memolab} only),
 * compile the grader's own copies, check the API and the safety rules, then run the suite in
 * a JVM of its own ({@link memolab.grader.grading.ChildMain}) with limits, and read its
 * signed results back. Also the tamper check against the template's fingerprints.
 *
 * <p>Three packages take part in a run, on two sides of a process boundary: this one starts
 * and watches the JVM; {@code memolab.grader.runner} runs JUnit inside it; the kit's
 * {@code memolab.grader.junit} listens.
 *
 * <p>Tools module: the instructor's; never shipped.
 */
package memolab.grader.grading;
