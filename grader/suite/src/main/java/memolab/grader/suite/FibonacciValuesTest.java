package memolab.grader.suite;

import static memolab.grader.Category.FIBONACCI_VALUES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import memolab.Fibonacci;
import memolab.grader.Graded;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Category 4: the values of {@code fib(n)}. */
@DisplayName("Fibonacci values")
class FibonacciValuesTest {

    /** fib(1000), 209 digits. */
    static final String FIB_1000 = "43466557686937456435688527675040625802564660517371780402481729089536555417949051890403"
            + "879840079255169295922593080322634775209689623239873322471161642996440906533187938298969649928516003"
            + "704476137795166849228875";

    /** fib(0) to fib(n), computed by the plain loop: the oracle. */
    static List<BigInteger> expectedUpTo(int n) {
        List<BigInteger> values = new ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ONE));
        for (int k = 2; k <= n; k++) {
            values.add(values.get(k - 1).add(values.get(k - 2)));
        }
        return values.subList(0, n + 1);
    }

    @Test
    @Graded(category = FIBONACCI_VALUES, points = 4)
    @DisplayName("fib(0) to fib(93) are right, past the range of long")
    void smallValuesAreRight() {
        List<BigInteger> expected = expectedUpTo(93);
        assertThat(expected.get(92)).as("oracle check").isEqualTo(new BigInteger("7540113804746346429"));
        Fibonacci fibonacci = new Fibonacci(128);
        for (int n = 0; n <= 93; n++) {
            assertThat(PlainValues.plain(fibonacci.fib(n), "fib(" + n + ")"))
                    .as("fib(%d)%s", n, n == 93 ? " (the first value that does not fit in a long)" : "")
                    .isEqualTo(expected.get(n));
        }
        assertThat(PlainValues.plain(fibonacci.fib(93), "fib(93)")).as("fib(93)").isEqualTo(new BigInteger("12200160415121876738"));
        for (int n = 0; n <= 20; n++) {
            assertThat(Fibonacci.naive(n)).as("Fibonacci.naive(%d) (given code: leave it as it was)", n).isEqualTo(expected.get(n));
        }
    }

    @Test
    @Graded(category = FIBONACCI_VALUES, points = 2)
    @DisplayName("fib(1000) is right (1,000 levels of recursion)")
    void fib1000IsRight() throws InterruptedException {
        BigInteger result = PlainValues.plain(
                BigStack.call("fib(1000) on a fresh Fibonacci(128)", () -> new Fibonacci(128).fib(1000)), "fib(1000)");
        assertThat(result.toString()).as("fib(1000) on a fresh Fibonacci(128) (209 digits)").isEqualTo(FIB_1000);
    }

    @Test
    @Graded(category = FIBONACCI_VALUES, points = 2)
    @DisplayName("a negative n is rejected with IllegalArgumentException")
    void negativeNIsRejected() {
        Fibonacci fibonacci = new Fibonacci(128);
        assertThatThrownBy(() -> fibonacci.fib(-1))
                .as("fib(-1) should throw IllegalArgumentException naming the value")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> Fibonacci.naive(-1)).as("Fibonacci.naive(-1) (given code) rejects it the same way")
                .isInstanceOf(IllegalArgumentException.class);
    }
}
