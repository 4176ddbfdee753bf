/**
 * A small property checker for the random-sequence tests: seeded cases (each replayable from
 * its seed), greedy shrinking to the smallest failing case, and a report in plain words.
 * Written here because jqwik is excluded (the README says why).
 *
 * <p>Kit module: ships to students.
 */
package memolab.grader.property;
