/**
 * The grader's command line ({@code java -jar grader/target/memolab-grader.jar}): {@code grade}
 * (a class of submissions: reports and a gradebook), {@code report} (the class report again),
 * {@code collect} (the students' repositories at the commit to grade, by GitHub's push times),
 * {@code rescore} (a late policy applied again) and {@code release} (the student template),
 * with their exit codes. Each command reads as its steps; the work is in the
 * packages below.
 *
 * <p>Tools module: the instructor's; never shipped.
 */
package memolab.grader.cli;
