/**
 * The proofs that the suite and the grader are right: the reference scores 100 and the stubs
 * 0, every bug of the corpus loses points where it should, every cheat scores what it earns,
 * correct solutions in other styles score 100, the reports match the golden files, and the
 * release builds and grades on its own.
 *
 * <p>Proofs module: tests only; never shipped.
 */
package memolab.grader.selfcheck;
