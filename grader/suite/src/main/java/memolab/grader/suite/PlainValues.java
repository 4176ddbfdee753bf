package memolab.grader.suite;

import java.math.BigInteger;

/**
 * The values {@code fib} returns, taken only as plain {@code BigInteger}s: {@code BigInteger}
 * is not final, and a subclass could answer {@code equals} and {@code toString} as it likes,
 * so a comparison with one would say nothing.
 *
 * <p>Public, with {@link #fib}: the timing drivers call it from the class loader of their own
 * that runs them without assertions, where package access does not reach.
 */
public final class PlainValues {

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

    /** fib(n) by the plain loop: the value every test compares with. */
    public static BigInteger fib(int n) {
        BigInteger previous = BigInteger.ONE;
        BigInteger current = BigInteger.ZERO;
        for (int k = 0; k < n; k++) {
            BigInteger next = current.add(previous);
            previous = current;
            current = next;
        }
        return current;
    }
}
