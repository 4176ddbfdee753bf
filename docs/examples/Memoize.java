import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Chapter 1: Java has no decorator; wrapping a function in a cache, and why a recursive
 * function must call the wrapped version. Run: java docs/examples/Memoize.java
 */
public class Memoize {

    static long calls;

    // snippet:memoize
    /** Wraps f in a cache: the first call for a key runs f, later calls return the stored result. */
    static <K, V> Function<K, V> memoize(Function<K, V> f) {
        Map<K, V> cache = new HashMap<>();
        return key -> {
            V value = cache.get(key);
            if (value == null) {
                value = f.apply(key);
                cache.put(key, value);
            }
            return value;
        };
    }
    // end:memoize

    static BigInteger naive(int n) {
        calls++;
        return n < 2 ? BigInteger.valueOf(n) : naive(n - 1).add(naive(n - 2));
    }

    // snippet:self
    static Function<Integer, BigInteger> fib;

    static {
        // The recursive calls go through the wrapped function, so each one can hit the cache.
        fib = memoize(n -> {
            calls++;
            return n < 2 ? BigInteger.valueOf(n) : fib.apply(n - 1).add(fib.apply(n - 2));
        });
    }
    // end:self

    public static void main(String[] args) {
        int n = 30;

        calls = 0;
        Function<Integer, BigInteger> wrappedFromOutside = memoize(Memoize::naive);
        BigInteger first = wrappedFromOutside.apply(n);
        long firstCalls = calls;
        calls = 0;
        wrappedFromOutside.apply(n);
        System.out.printf("wrapped from outside: fib(%d) = %s, %,d calls the first time, %,d the second%n",
                n, first, firstCalls, calls);

        calls = 0;
        BigInteger value = fib.apply(n);
        firstCalls = calls;
        calls = 0;
        fib.apply(n);
        System.out.printf("recursing through the cache: fib(%d) = %s, %,d calls the first time, %,d the second%n",
                n, value, firstCalls, calls);
    }
}
