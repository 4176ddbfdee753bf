package memolab.grader.suite;

import java.math.BigInteger;

/**
 * The values {@code fib} returns, taken only as plain {@code BigInteger}s: {@code BigInteger}
 * is not final, and a subclass could answer {@code equals} and {@code toString} as it likes,
 * so a comparison with one would say nothing.
 */
final class PlainValues {

    private PlainValues() {
    }

    /** {@code value}, if it is a plain {@code BigInteger}; else the test fails and says why. */
    static BigInteger plain(BigInteger value, String what) {
        if (value != null && value.getClass() != BigInteger.class) {
            throw new AssertionError(what + " returned an instance of " + value.getClass().getName() + ", a subclass of "
                    + "BigInteger. Return plain BigIntegers (BigInteger.valueOf, add), as the contract says.");
        }
        return value;
    }
}
