/**
 * The benchmarks behind {@code docs/performance.md}: JMH, the tutorial's plot, the grader's
 * throughput, and the timing tests' reliability in fresh JVMs. Run with {@code -Pbench}.
 *
 * <p>Bench module: never shipped.
 */
package memolab.grader.bench;
