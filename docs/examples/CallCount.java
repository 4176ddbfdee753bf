import java.math.BigInteger;

/**
 * Chapter 1: how many calls the naive recursion makes. Run: java docs/examples/CallCount.java
 */
public class CallCount {

    static long calls;

    // snippet:naive
    static BigInteger fib(int n) {
        calls++;
        if (n < 2) {
            return BigInteger.valueOf(n);
        }
        return fib(n - 1).add(fib(n - 2));
    }
    // end:naive

    public static void main(String[] args) {
        System.out.printf("%2s  %10s  %11s  %s%n", "n", "fib(n)", "calls", "calls / previous");
        long previous = 0;
        for (int n = 20; n <= 36; n += 2) {
            calls = 0;
            BigInteger value = fib(n);
            System.out.printf("%2d  %10s  %,11d  %s%n", n, value, calls,
                    previous == 0 ? "-" : String.format("%.2f", (double) calls / previous));
            previous = calls;
        }
    }
}
