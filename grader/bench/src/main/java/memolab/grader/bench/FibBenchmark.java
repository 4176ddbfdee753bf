package memolab.grader.bench;

import java.math.BigInteger;
import java.util.concurrent.TimeUnit;
import memolab.Fibonacci;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The tutorial's comparison as a benchmark: the naive recursion's {@code fib(n)} against the
 * reference's memoized one, each call on a fresh {@code Fibonacci(128)} (a full
 * computation, as the first call in Python's tutorial is). The modes are set by the
 * runner: single shots for the naive one (seconds per call), average time for the memoized.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FibBenchmark {

    @Param({"30", "36", "40"})
    public int n;

    @Benchmark
    public BigInteger naive() {
        return Fibonacci.naive(n);
    }

    @Benchmark
    public BigInteger memoized() {
        return new Fibonacci(128).fib(n);
    }
}
