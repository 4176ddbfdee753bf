package memolab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The reference's own tests of its memoizer (see {@link LruCacheTest}). */
class FibonacciTest {

    @Test
    void theFirstValues() {
        Fibonacci fibonacci = new Fibonacci(128);
        long[] expected = {0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55};
        for (int n = 0; n < expected.length; n++) {
            assertThat(fibonacci.fib(n)).as("fib(%d)", n).isEqualTo(BigInteger.valueOf(expected[n]));
        }
    }

    @Test
    void valuesBeyondTheRangeOfLong() {
        Fibonacci fibonacci = new Fibonacci(128);
        assertThat(fibonacci.fib(92)).isEqualTo(new BigInteger("7540113804746346429"));
        assertThat(fibonacci.fib(100)).isEqualTo(new BigInteger("354224848179261915075"));
    }

    @Test
    void negativeNIsRefused() {
        assertThatThrownBy(() -> new Fibonacci(128).fib(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @Timeout(2)
    void memoizedFib90IsImmediate() {
        // The plain recursion would make about 10^19 calls; memoized, 179.
        assertThat(new Fibonacci(128).fib(90)).isEqualTo(new BigInteger("2880067194370816120"));
    }

    @Test
    void theCountersAreAsPythonsLruCacheCountsThem() {
        Fibonacci fibonacci = new Fibonacci(128);
        fibonacci.fib(36);
        assertThat(fibonacci.cacheInfo()).isEqualTo(new CacheStats(34, 37, 0, 37, 128));
        fibonacci.fib(36);
        assertThat(fibonacci.cacheInfo().hits()).isEqualTo(35);
        fibonacci.cacheClear();
        assertThat(fibonacci.cacheInfo()).isEqualTo(new CacheStats(0, 0, 0, 0, 128));
    }

    @Test
    void theBaseCasesGoThroughTheCacheToo() {
        Fibonacci fibonacci = new Fibonacci(128);
        fibonacci.fib(1);
        fibonacci.fib(0);
        assertThat(fibonacci.cacheInfo()).isEqualTo(new CacheStats(0, 2, 0, 2, 128));
    }

    @Test
    void aTinyCacheCountsAsPythonsInTheTutorialsCallOrder() {
        // fib(k - 1) before fib(k - 2), as Python evaluates fibonacci(num - 1) + fibonacci(num - 2).
        Fibonacci fibonacci = new Fibonacci(2);
        fibonacci.fib(20);
        assertThat(fibonacci.cacheInfo()).isEqualTo(new CacheStats(344, 1657, 1655, 2, 2));
    }

    @Test
    void naiveIsThePlainRecursion() {
        assertThat(Fibonacci.naive(20)).isEqualTo(BigInteger.valueOf(6765));
        assertThat(Duration.ofSeconds(1)).isPositive();
    }
}
