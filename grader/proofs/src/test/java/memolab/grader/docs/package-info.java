/**
 * The docs checks: every example program runs and prints what its chapter shows, every
 * snippet matches its source, the generated tables match the code, every link resolves.
 *
 * <p>Proofs module: tests only; never shipped.
 */
package memolab.grader.docs;
