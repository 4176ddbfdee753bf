// Cheat: a copy of the grader's visible test class of the same name, with every @Test body emptied,
// hoping it replaces the real one so that every graded test passes on the untouched stubs.
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
        // emptied: passes whatever the student's code does
    }

    @Test
    @Graded(category = FIBONACCI_VALUES, points = 2)
    @DisplayName("fib(1000) is right (1,000 levels of recursion)")
    void fib1000IsRight() throws InterruptedException {
        // emptied: passes whatever the student's code does
    }

    @Test
    @Graded(category = FIBONACCI_VALUES, points = 2)
    @DisplayName("a negative n is rejected with IllegalArgumentException")
    void negativeNIsRejected() {
        // emptied: passes whatever the student's code does
    }
}
