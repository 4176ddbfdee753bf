package memolab.grader.suite;

import static memolab.grader.Category.LRU_EXAMPLES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import memolab.CacheStats;
import memolab.LruCache;
import memolab.grader.Graded;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Category 1: the behaviour of {@code LruCache} on small, hand-picked cases, one point each.
 * Each test judges its own point: the order keys() lists is checked only where that order is
 * the point (elsewhere, which keys are held), and the counters only where counting is the
 * point (elsewhere, that a call changed them as it should), so one bug does not fail the lot.
 */
@DisplayName("LRU behaviour: examples")
class LruExamplesTest {

    /** A cache of that capacity after {@code put(k, "v" + k)} for each key, in order. */
    private static LruCache<Integer, String> cacheWith(int capacity, int... keys) {
        LruCache<Integer, String> cache = new LruCache<>(capacity);
        for (int key : keys) {
            cache.put(key, "v" + key);
        }
        return cache;
    }

    @Nested
    @DisplayName("a new cache")
    class WhenNew {

        @Test
        @Graded(category = LRU_EXAMPLES, points = 1)
        @DisplayName("a new cache is empty and reports its capacity")
        void newCacheIsEmpty() {
            LruCache<Integer, String> cache = new LruCache<>(3);
            assertThat(cache.size()).as("new LruCache(3): size()").isZero();
            assertThat(cache.capacity()).as("new LruCache(3): capacity()").isEqualTo(3);
            assertThat(cache.keys()).as("new LruCache(3): keys()").isEmpty();
            assertThat(cache.stats()).as("new LruCache(3): stats()").isEqualTo(new CacheStats(0, 0, 0, 0, 3));
            assertThat(cache.stats().hitRate()).as("new LruCache(3): stats().hitRate() with no look-up yet").isZero();
        }

        @Test
        @Graded(category = LRU_EXAMPLES, points = 1)
        @DisplayName("a negative capacity is rejected with a message naming it")
        void negativeCapacityIsRejected() {
            assertThatThrownBy(() -> new LruCache<Integer, String>(-1))
                    .as("new LruCache(-1) should throw IllegalArgumentException")
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("-1");
        }
    }

    @Nested
    @DisplayName("get and put")
    class GetAndPut {

        @Test
        @Graded(category = LRU_EXAMPLES, points = 1)
        @DisplayName("get returns what put stored, and null for an absent key")
        void getReturnsStoredValue() {
            LruCache<Integer, String> cache = cacheWith(2, 1, 2);
            assertThat(cache.get(1)).as("capacity 2, after put(1, v1), put(2, v2): get(1)").isEqualTo("v1");
            assertThat(cache.get(2)).as("capacity 2, after put(1, v1), put(2, v2), get(1): get(2)").isEqualTo("v2");
            assertThat(cache.get(3)).as("capacity 2, key 3 never stored: get(3) should be null").isNull();
        }

        @Test
        @Graded(category = LRU_EXAMPLES, points = 1)
        @DisplayName("when full, put evicts the least recently used entry")
        void putBeyondCapacityEvictsLeastRecentlyUsed() {
            LruCache<Integer, String> cache = cacheWith(2, 1, 2, 3);
            assertThat(cache.keys())
                    .as("capacity 2, after put(1), put(2), put(3): key 1 (the least recently used) should be evicted; the keys held")
                    .containsExactlyInAnyOrder(2, 3);
            assertThat(cache.size()).as("capacity 2, after put(1), put(2), put(3): size()").isEqualTo(2);
            assertThat(cache.get(1)).as("capacity 2, after put(1), put(2), put(3): get(1) (evicted)").isNull();
        }

        @Test
        @Graded(category = LRU_EXAMPLES, points = 1)
        @DisplayName("get makes the entry the most recently used")
        void getMakesEntryMostRecentlyUsed() {
            LruCache<Integer, String> cache = cacheWith(2, 1, 2);
            cache.get(1);
            cache.put(3, "v3");
            assertThat(cache.keys())
                    .as("capacity 2, after put(1), put(2), get(1), put(3): key 2 should be evicted (1 was used after 2); the keys held")
                    .containsExactlyInAnyOrder(1, 3);
        }

        @Test
        @Graded(category = LRU_EXAMPLES, points = 1)
        @DisplayName("put on an existing key replaces the value and makes it the most recently used")
        void putOnExistingKeyReplacesValueAndRefreshes() {
            LruCache<Integer, String> cache = cacheWith(2, 1, 2);
            cache.put(1, "new");
            cache.put(3, "v3");
            assertThat(cache.keys())
                    .as("capacity 2, after put(1), put(2), put(1, new), put(3): key 2 should be evicted (1 was used after 2); the keys held")
                    .containsExactlyInAnyOrder(1, 3);
            assertThat(cache.get(1)).as("capacity 2, after put(1, v1), put(2, v2), put(1, new), put(3, v3): get(1)").isEqualTo("new");
        }

        @Test
        @Graded(category = LRU_EXAMPLES, points = 1)
        @DisplayName("put on an existing key does not evict, even when the cache is full")
        void putOnExistingKeyDoesNotEvict() {
            LruCache<Integer, String> cache = cacheWith(2, 1, 2);
            cache.put(2, "new");
            assertThat(cache.keys()).as("capacity 2 (full), after put(1), put(2), put(2, new): nothing should be evicted; the keys held")
                    .containsExactlyInAnyOrder(1, 2);
            assertThat(cache.get(2)).as("capacity 2, after put(1), put(2), put(2, new): get(2)").isEqualTo("new");
        }

        @Test
        @Graded(category = LRU_EXAMPLES, points = 1)
        @DisplayName("capacity 1 keeps only the last key stored")
        void capacityOneKeepsOnlyLastKey() {
            LruCache<Integer, String> cache = cacheWith(1, 1, 2);
            assertThat(cache.keys()).as("capacity 1, after put(1), put(2): keys()").containsExactly(2);
            assertThat(cache.get(1)).as("capacity 1, after put(1), put(2): get(1)").isNull();
            assertThat(cache.get(2)).as("capacity 1, after put(1), put(2): get(2)").isEqualTo("v2");
        }

        @Test
        @Graded(category = LRU_EXAMPLES, points = 1)
        @DisplayName("capacity 0 stores nothing and every get misses")
        void capacityZeroStoresNothing() {
            LruCache<Integer, String> cache = cacheWith(0, 1);
            assertThat(cache.size()).as("capacity 0, after put(1): size()").isZero();
            assertThat(cache.keys()).as("capacity 0, after put(1): keys()").isEmpty();
            assertThat(cache.get(1)).as("capacity 0, after put(1): get(1)").isNull();
        }
    }

    @Nested
    @DisplayName("peeking, removing and clearing")
    class OtherOperations {

        @Test
        @Graded(category = LRU_EXAMPLES, points = 1)
        @DisplayName("containsKey is a peek: it changes no recency and no counter")
        void containsKeyIsAPeek() {
            LruCache<Integer, String> cache = cacheWith(2, 1, 2);
            CacheStats before = cache.stats();
            assertThat(cache.containsKey(1)).as("capacity 2, after put(1), put(2): containsKey(1)").isTrue();
            assertThat(cache.containsKey(9)).as("capacity 2, after put(1), put(2): containsKey(9)").isFalse();
            assertThat(cache.stats()).as("containsKey(1), containsKey(9) should count no hit and no miss: stats() as before")
                    .isEqualTo(before);
            cache.put(3, "v3");
            assertThat(cache.keys())
                    .as("capacity 2, after put(1), put(2), containsKey(1), put(3): key 1 should still be the one evicted; the keys held")
                    .containsExactlyInAnyOrder(2, 3);
        }

        @Test
        @Graded(category = LRU_EXAMPLES, points = 1)
        @DisplayName("remove deletes the entry, returns its value and frees its room")
        void removeDeletesEntry() {
            LruCache<Integer, String> cache = cacheWith(2, 1, 2);
            CacheStats before = cache.stats();
            assertThat(cache.remove(1)).as("capacity 2, after put(1, v1), put(2, v2): remove(1)").isEqualTo("v1");
            assertThat(cache.remove(1)).as("remove(1) a second time should return null").isNull();
            CacheStats after = cache.stats();
            assertThat(List.of(after.hits(), after.misses(), after.evictions()))
                    .as("remove counts nothing: hits, misses and evictions after remove(1) twice, as before (%s)", before)
                    .isEqualTo(List.of(before.hits(), before.misses(), before.evictions()));
            cache.put(3, "v3");
            assertThat(cache.keys()).as("capacity 2, after put(1), put(2), remove(1), put(3): nothing to evict; the keys held")
                    .containsExactlyInAnyOrder(2, 3);
            assertThat(cache.stats().evictions() - after.evictions())
                    .as("capacity 2, after put(1), put(2), remove(1), put(3): evictions by put(3) (there was room)").isZero();
        }

        @Test
        @Graded(category = LRU_EXAMPLES, points = 1)
        @DisplayName("clear removes every entry and resets the counters")
        void clearResetsEverything() {
            LruCache<Integer, String> cache = cacheWith(2, 1, 2, 3);
            cache.get(2);
            cache.get(9);
            cache.clear();
            assertThat(cache.keys()).as("after clear(): keys()").isEmpty();
            assertThat(cache.stats()).as("after a hit, a miss and an eviction, then clear(): stats()")
                    .isEqualTo(new CacheStats(0, 0, 0, 0, 2));
            cache.put(4, "v4");
            assertThat(cache.get(4)).as("after clear(), put(4, v4): get(4) (the cache must still work)").isEqualTo("v4");
        }

        @Test
        @Graded(category = LRU_EXAMPLES, points = 1)
        @DisplayName("keys() lists the least recently used first, as a snapshot")
        void keysListsLeastRecentlyUsedFirst() {
            LruCache<Integer, String> cache = cacheWith(4, 1, 2, 3, 4);
            cache.get(2);
            cache.put(1, "again");
            List<Integer> keys = cache.keys();
            assertThat(keys).as("capacity 4, after put(1), put(2), put(3), put(4), get(2), put(1): keys()")
                    .containsExactly(3, 4, 2, 1);
            try {
                keys.clear();
            } catch (UnsupportedOperationException unmodifiable) {
                // An unmodifiable snapshot is fine too.
            }
            assertThat(cache.keys()).as("changing the list keys() returned must not change the cache").hasSize(4);
        }

        @Test
        @Graded(category = LRU_EXAMPLES, points = 1)
        @DisplayName("the counters count hits, misses and evictions")
        void countersCountHitsMissesAndEvictions() {
            LruCache<Integer, String> cache = cacheWith(2, 1, 2);
            cache.get(1);
            cache.get(1);
            cache.get(7);
            cache.put(3, "v3");
            CacheStats stats = cache.stats();
            assertThat(stats).as("capacity 2, after put(1), put(2), get(1), get(1), get(7), put(3): stats()")
                    .isEqualTo(new CacheStats(2, 1, 1, 2, 2));
            assertThat(stats.hitRate()).as("2 hits, 1 miss: hitRate()").isEqualTo(2.0 / 3.0);
        }

    }

    @Nested
    @DisplayName("computeIfAbsent")
    class ComputeIfAbsent {

        @Test
        @Graded(category = LRU_EXAMPLES, points = 1)
        @DisplayName("null keys and values are rejected with NullPointerException")
        void nullsAreRejected() {
            LruCache<Integer, String> cache = cacheWith(2, 1);
            assertThatThrownBy(() -> cache.get(null)).as("get(null)").isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> cache.put(null, "x")).as("put(null, x)").isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> cache.put(2, null)).as("put(2, null)").isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> cache.containsKey(null)).as("containsKey(null)").isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> cache.remove(null)).as("remove(null)").isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> cache.computeIfAbsent(null, k -> "x")).as("computeIfAbsent(null, ...)")
                    .isInstanceOf(NullPointerException.class);
            assertThat(cache.keys()).as("after the rejected calls, the cache is unchanged: keys()").containsExactly(1);
        }

        @Test
        @Graded(category = LRU_EXAMPLES, points = 1)
        @DisplayName("computeIfAbsent calls the loader on a miss only, and counts one look-up")
        void computeIfAbsentLoadsOnMissOnly() {
            LruCache<Integer, String> cache = new LruCache<>(2);
            AtomicInteger calls = new AtomicInteger();
            String first = cache.computeIfAbsent(1, k -> "v" + k + "#" + calls.incrementAndGet());
            String second = cache.computeIfAbsent(1, k -> "v" + k + "#" + calls.incrementAndGet());
            assertThat(first).as("capacity 2, computeIfAbsent(1, loader) on an empty cache").isEqualTo("v1#1");
            assertThat(second).as("computeIfAbsent(1, loader) again: the stored value, loader not called").isEqualTo("v1#1");
            assertThat(calls).as("how often the loader ran for computeIfAbsent(1) twice").hasValue(1);
            assertThat(cache.stats()).as("after computeIfAbsent(1) twice: one miss, then one hit")
                    .isEqualTo(new CacheStats(1, 1, 0, 1, 2));
        }

        @Test
        @Graded(category = LRU_EXAMPLES, points = 1)
        @DisplayName("computeIfAbsent allows a loader that uses the same cache (recursion)")
        void computeIfAbsentAllowsRecursiveLoader() {
            LruCache<Integer, Long> cache = new LruCache<>(10);
            // factorial(k) memoized through the cache itself, as fib is
            class Factorial {
                long of(int k) {
                    return cache.computeIfAbsent(k, n -> n <= 1 ? 1L : n * of(n - 1));
                }
            }
            assertThat(new Factorial().of(5)).as("factorial(5) memoized through computeIfAbsent, recursively").isEqualTo(120L);
            assertThat(cache.keys()).as("after factorial(5): the keys held").containsExactlyInAnyOrder(1, 2, 3, 4, 5);
        }

        @Test
        @Graded(category = LRU_EXAMPLES, points = 1)
        @DisplayName("a loader that stores the same key: the final put replaces it")
        void loaderStoringSameKeyIsReplaced() {
            LruCache<Integer, String> cache = new LruCache<>(2);
            String result = cache.computeIfAbsent(1, k -> {
                cache.put(1, "from loader");
                return "returned";
            });
            assertThat(result).as("computeIfAbsent(1, loader that puts (1, from loader) and returns 'returned')")
                    .isEqualTo("returned");
            assertThat(cache.keys()).as("keys() after that: key 1 once").containsExactly(1);
            assertThat(cache.get(1)).as("get(1) after that: the loader's return value replaced its own put").isEqualTo("returned");
        }

        @Test
        @Graded(category = LRU_EXAMPLES, points = 1)
        @DisplayName("a loader that throws or returns null stores nothing")
        void failingLoaderStoresNothing() {
            LruCache<Integer, String> cache = new LruCache<>(2);
            List<String> seen = new ArrayList<>();
            assertThatThrownBy(() -> cache.computeIfAbsent(1, k -> {
                seen.add("called");
                throw new IllegalStateException("loader failed");
            })).as("computeIfAbsent(1, loader that throws): the exception reaches the caller")
                    .isInstanceOf(IllegalStateException.class).hasMessage("loader failed");
            assertThat(cache.computeIfAbsent(2, k -> null)).as("computeIfAbsent(2, loader returning null)").isNull();
            assertThat(seen).as("the throwing loader ran once").hasSize(1);
            assertThat(cache.keys()).as("after a throwing loader for 1 and a null-returning loader for 2: keys()").isEmpty();
            assertThat(cache.stats()).as("both misses still count: stats()").isEqualTo(new CacheStats(0, 2, 0, 0, 2));
        }
    }
}
