import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

/**
 * Chapter 5: memoized recursion is fast but still deep: a cold fib(n) nests n calls.
 * Where the default stack ends, and two ways around it. Run: java docs/examples/StackDepth.java
 */
public class StackDepth {

    static final class Memo {
        private final Map<Integer, BigInteger> cache = new HashMap<>();

        BigInteger fib(int n) {
            BigInteger value = cache.get(n);
            if (value == null) {
                value = n < 2 ? BigInteger.valueOf(n) : fib(n - 1).add(fib(n - 2));
                cache.put(n, value);
            }
            return value;
        }
    }

    /** Whether a cold fib(n) fits on this thread's stack. */
    static boolean fits(int n) {
        try {
            new Memo().fib(n);
            return true;
        } catch (StackOverflowError e) {
            return false;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        int n = 1_000;
        while (fits(n)) {
            n *= 2;
        }
        System.out.printf("default stack: a cold fib(%,d) works, fib(%,d) throws StackOverflowError%n", n / 2, n);

        int big = 50_000;
        // snippet:bottom-up
        Memo warmed = new Memo();
        for (int k = 0; k <= big; k++) {
            warmed.fib(k); // fib(k - 1) and fib(k - 2) are cached already: two levels deep, never more
        }
        // end:bottom-up
        System.out.printf("bottom-up: fib(%,d) has %,d digits, no deep recursion%n",
                big, warmed.fib(big).toString().length());

        // snippet:big-stack
        BigInteger[] result = new BigInteger[1];
        Thread thread = new Thread(null, () -> result[0] = new Memo().fib(big), "fib", 256L * 1024 * 1024);
        thread.start();
        thread.join();
        // end:big-stack
        System.out.printf("a thread with a 256 MB stack: a cold fib(%,d) works too (%s)%n",
                big, result[0] == null ? "it did not" : "same digits: " + result[0].equals(warmed.fib(big)));
    }
}
