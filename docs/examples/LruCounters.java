import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Chapter 2: the counters of fib(36) memoized in an LRU cache of each capacity, exactly as
 * Python's {@code @lru_cache(maxsize=...)} counts them. The cache here is a LinkedHashMap in
 * access order: fine for this demonstration, off limits in the exercise (chapter 3 says why).
 * Run: java docs/examples/LruCounters.java
 * With "n-2-first", fib calls fib(n - 2) before fib(n - 1): the same values, other counters.
 * Run: java docs/examples/LruCounters.java n-2-first
 */
public class LruCounters {

    // snippet:lru
    /** An LRU cache the production way: a LinkedHashMap kept in access order. */
    static final class Lru<K, V> extends LinkedHashMap<K, V> {
        private final int capacity;

        Lru(int capacity) {
            super(16, 0.75f, true); // true: get moves an entry to the end (most recently used)
            this.capacity = capacity;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            return size() > capacity; // after each put: evict the least recently used
        }
    }
    // end:lru

    private final Lru<Integer, BigInteger> cache;
    private long hits;
    private long misses;
    private final boolean smallerFirst;

    LruCounters(int capacity, boolean smallerFirst) {
        cache = new Lru<>(capacity);
        this.smallerFirst = smallerFirst;
    }

    // snippet:fib
    BigInteger fib(int n) {
        BigInteger value = cache.get(n); // one look-up per call, base cases included, as Python does
        if (value != null) {
            hits++;
            return value;
        }
        misses++;
        if (n < 2) {
            value = BigInteger.valueOf(n);
        } else if (smallerFirst) {
            BigInteger smaller = fib(n - 2); // the other order: fib(n - 2) is looked up first
            value = fib(n - 1).add(smaller);
        } else {
            value = fib(n - 1).add(fib(n - 2)); // Python's order: fib(n - 1) first
        }
        cache.put(n, value);
        return value;
    }
    // end:fib

    public static void main(String[] args) {
        boolean smallerFirst = args.length > 0 && args[0].equals("n-2-first");
        System.out.println("fib(36) memoized in an LRU cache of each capacity"
                + (smallerFirst ? ", fib(n - 2) called before fib(n - 1):" : ":"));
        System.out.println("capacity        hits      misses  entries");
        for (int capacity : new int[] {128, 37, 3, 2, 1, 0}) {
            LruCounters memo = new LruCounters(capacity, smallerFirst);
            memo.fib(36);
            System.out.printf("%8d  %,10d  %,10d  %7d%n", capacity, memo.hits, memo.misses, memo.cache.size());
        }
    }
}
