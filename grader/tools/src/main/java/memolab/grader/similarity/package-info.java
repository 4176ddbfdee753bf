/**
 * The instructor's similarity report over a class ({@code grade --similarity}): JPlag's Java
 * front end compares the students' sources pairwise, the stubs excluded as base code. It
 * changes no score, and students never see it.
 */
package memolab.grader.similarity;
