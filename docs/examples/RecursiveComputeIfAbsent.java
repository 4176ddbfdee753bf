import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

/**
 * Chapter 3: why LruCache.computeIfAbsent must allow the loader to call back into the cache,
 * and why HashMap.computeIfAbsent cannot memoize a recursive function.
 * Run: java docs/examples/RecursiveComputeIfAbsent.java
 */
public class RecursiveComputeIfAbsent {

    static final Map<Integer, BigInteger> cache = new HashMap<>();

    // snippet:broken
    static BigInteger fib(int n) {
        // The loader calls fib, which calls computeIfAbsent on the same map while the
        // outer computeIfAbsent is still running: HashMap refuses (since Java 9).
        return cache.computeIfAbsent(n, k -> k < 2 ? BigInteger.valueOf(k) : fib(k - 1).add(fib(k - 2)));
    }
    // end:broken

    public static void main(String[] args) {
        System.out.println("fib(1) = " + fib(1) + " (no recursion: fine)");
        try {
            System.out.println("fib(10) = " + fib(10));
        } catch (java.util.ConcurrentModificationException e) {
            System.out.println("fib(10) threw " + e.getClass().getName());
        }
    }
}
