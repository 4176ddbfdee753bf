import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Chapter 2: the counters of fib(36) memoized in an LRU cache of each capacity, exactly as
 * Python's {@code @lru_cache(maxsize=...)} counts them. The cache here is a LinkedHashMap in
 * access order: fine for this demonstration, off limits in the exercise (chapter 3 says why).
 * Run: java docs/examples/LruCounters.java
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

    LruCounters(int capacity) {
        cache = new Lru<>(capacity);
    }

    // snippet:fib
    BigInteger fib(int n) {
        BigInteger value = cache.get(n); // one look-up per call, base cases included, as Python does
        if (value != null) {
            hits++;
            return value;
        }
        misses++;
        value = n < 2 ? BigInteger.valueOf(n) : fib(n - 1).add(fib(n - 2));
        cache.put(n, value);
        return value;
    }
    // end:fib

    public static void main(String[] args) {
        System.out.println("fib(36) memoized in an LRU cache of each capacity:");
        System.out.println("capacity        hits      misses  entries");
        for (int capacity : new int[] {128, 37, 3, 2, 1, 0}) {
            LruCounters memo = new LruCounters(capacity);
            memo.fib(36);
            System.out.printf("%8d  %,10d  %,10d  %7d%n", capacity, memo.hits, memo.misses, memo.cache.size());
        }
    }
}
