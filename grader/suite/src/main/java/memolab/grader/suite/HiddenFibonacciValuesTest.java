package memolab.grader.suite;

import static memolab.grader.Category.FIBONACCI_VALUES;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import memolab.Fibonacci;
import memolab.grader.Graded;
import memolab.grader.Hidden;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Category 4, final grading: every value up to 1,000, and a small cache. */
@Hidden
@DisplayName("Fibonacci values (hidden)")
class HiddenFibonacciValuesTest {

    @Test
    @Graded(category = FIBONACCI_VALUES, points = 1)
    @DisplayName("fib(0) to fib(1000) are all right, on one memoizer")
    void everyValueUpTo1000IsRight() {
        List<BigInteger> expected = FibonacciValuesTest.expectedUpTo(1000);
        Fibonacci fibonacci = new Fibonacci(128);
        for (int n = 0; n <= 1000; n++) {
            assertThat(PlainValues.plain(fibonacci.fib(n), "fib(" + n + ")")).as("fib(%d), after fib(0) to fib(%d) on the same Fibonacci(128)", n, n - 1)
                    .isEqualTo(expected.get(n));
        }
    }

    @Test
    @Graded(category = FIBONACCI_VALUES, points = 1)
    @DisplayName("fib(1000) is right with a cache of capacity 3")
    void fib1000IsRightWithASmallCache() throws InterruptedException {
        BigInteger result = PlainValues.plain(
                BigStack.call("fib(1000) on a fresh Fibonacci(3)", () -> new Fibonacci(3).fib(1000)), "fib(1000)");
        assertThat(result.toString()).as("fib(1000) on a fresh Fibonacci(3)")
                .isEqualTo(FibonacciValuesTest.FIB_1000);
    }
}
