package memolab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The reference's own tests of its cache: what "Your tests" asks of a student, answered. Each
 * example pins one promise of the contract; the last test compares random sequences of calls
 * with a model cache. Final grading runs them on correct caches (they must pass) and on the
 * bug corpus (each bug must fail one of them); the build runs them on the reference.
 */
class LruCacheTest {

    @Test
    void aNewCacheIsEmpty() {
        LruCache<String, Integer> cache = new LruCache<>(3);
        assertThat(cache.size()).isZero();
        assertThat(cache.capacity()).isEqualTo(3);
        assertThat(cache.keys()).isEmpty();
        assertThat(cache.stats()).isEqualTo(new CacheStats(0, 0, 0, 0, 3));
    }

    @Test
    void getReturnsWhatPutStoredAndNullForAnAbsentKey() {
        LruCache<String, Integer> cache = new LruCache<>(2);
        cache.put("a", 1);
        assertThat(cache.get("a")).isEqualTo(1);
        assertThat(cache.get("b")).isNull();
    }

    @Test
    void getMakesTheEntryTheMostRecentlyUsed() {
        LruCache<String, Integer> cache = new LruCache<>(2);
        cache.put("a", 1);
        cache.put("b", 2);
        cache.get("a");
        cache.put("c", 3); // evicts b, the least recently used since get("a")
        assertThat(cache.keys()).containsExactly("a", "c");
    }

    @Test
    void putOnAPresentKeyReplacesTheValueMakesItMostRecentAndEvictsNothing() {
        LruCache<String, Integer> cache = new LruCache<>(2);
        cache.put("a", 1);
        cache.put("b", 2);
        cache.put("a", 10);
        assertThat(cache.keys()).containsExactly("b", "a");
        assertThat(cache.stats().evictions()).isZero();
        assertThat(cache.get("a")).isEqualTo(10);
        cache.put("c", 3);
        assertThat(cache.keys()).containsExactly("a", "c");
    }

    @Test
    void aFullCacheEvictsTheLeastRecentlyUsedAndForgetsIt() {
        LruCache<String, Integer> cache = new LruCache<>(3);
        cache.put("a", 1);
        cache.put("b", 2);
        cache.put("c", 3);
        cache.put("d", 4);
        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.keys()).containsExactly("b", "c", "d");
        assertThat(cache.containsKey("a")).isFalse();
        assertThat(cache.get("a")).isNull();
        cache.put("e", 5);
        assertThat(cache.keys()).containsExactly("c", "d", "e");
        assertThat(cache.stats().evictions()).isEqualTo(2);
    }

    @Test
    void containsKeyIsAPeekThatCountsNothing() {
        LruCache<String, Integer> cache = new LruCache<>(2);
        cache.put("a", 1);
        cache.put("b", 2);
        assertThat(cache.containsKey("a")).isTrue();
        assertThat(cache.containsKey("z")).isFalse();
        cache.put("c", 3); // a is still the least recently used
        assertThat(cache.keys()).containsExactly("b", "c");
        assertThat(cache.stats().hits() + cache.stats().misses()).isZero();
    }

    @Test
    void theCountersCountLookUpsAndEvictionsOnly() {
        LruCache<String, Integer> cache = new LruCache<>(2);
        cache.put("a", 1);
        cache.put("a", 2);
        cache.put("b", 3);
        cache.get("a");
        cache.get("z");
        cache.put("c", 4);
        assertThat(cache.stats()).isEqualTo(new CacheStats(1, 1, 1, 2, 2));
    }

    @Test
    void clearEmptiesTheCacheAndResetsTheCounters() {
        LruCache<String, Integer> cache = new LruCache<>(2);
        cache.put("a", 1);
        cache.put("b", 2);
        cache.put("c", 3);
        cache.get("b");
        cache.get("a");
        cache.clear();
        assertThat(cache.stats()).isEqualTo(new CacheStats(0, 0, 0, 0, 2));
        assertThat(cache.keys()).isEmpty();
        cache.put("d", 4);
        assertThat(cache.keys()).containsExactly("d");
    }

    @Test
    void removeTakesTheEntryOutOfTheMapAndTheRecencyOrder() {
        LruCache<String, Integer> cache = new LruCache<>(2);
        cache.put("a", 1);
        cache.put("b", 2);
        assertThat(cache.remove("a")).isEqualTo(1);
        assertThat(cache.remove("a")).isNull();
        cache.put("c", 3);
        cache.put("d", 4); // evicts b: a is gone for good
        assertThat(cache.keys()).containsExactly("c", "d");
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void removingTheLastEntryLeavesAnEmptyCacheThatStillWorks() {
        LruCache<String, Integer> cache = new LruCache<>(2);
        cache.put("a", 1);
        assertThat(cache.remove("a")).isEqualTo(1);
        assertThat(cache.size()).isZero();
        assertThat(cache.keys()).isEmpty();
        cache.put("b", 2);
        assertThat(cache.keys()).containsExactly("b");
    }

    @Test
    void capacityZeroStoresNothing() {
        LruCache<String, Integer> cache = new LruCache<>(0);
        cache.put("a", 1);
        assertThat(cache.get("a")).isNull();
        assertThat(cache.size()).isZero();
        assertThat(cache.stats()).isEqualTo(new CacheStats(0, 1, 0, 0, 0));
    }

    @Test
    void capacityOneKeepsOnlyTheLastKeyStored() {
        LruCache<String, Integer> cache = new LruCache<>(1);
        cache.put("a", 1);
        cache.put("b", 2);
        cache.put("c", 3);
        assertThat(cache.keys()).containsExactly("c");
        assertThat(cache.stats().evictions()).isEqualTo(2);
    }

    @Test
    void badArgumentsAreRefused() {
        assertThatThrownBy(() -> new LruCache<String, Integer>(-1)).isInstanceOf(IllegalArgumentException.class);
        LruCache<String, Integer> cache = new LruCache<>(2);
        assertThatThrownBy(() -> cache.put(null, 1)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> cache.put("a", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> cache.get(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> cache.containsKey(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> cache.remove(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> cache.computeIfAbsent(null, k -> 1)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> cache.computeIfAbsent("a", null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void computeIfAbsentLoadsOnceAndAllowsALoaderThatUsesTheCache() {
        LruCache<Integer, Long> cache = new LruCache<>(100);
        List<Integer> loaded = new ArrayList<>();
        assertThat(cache.computeIfAbsent(7, k -> {
            loaded.add(k);
            return 49L;
        })).isEqualTo(49L);
        assertThat(cache.computeIfAbsent(7, k -> 0L)).isEqualTo(49L);
        assertThat(loaded).containsExactly(7);
        assertThat(cache.computeIfAbsent(8, k -> null)).isNull();
        assertThat(cache.containsKey(8)).isFalse();
        assertThat(triangle(cache, 50)).isEqualTo(1275L); // recursion through the cache, as Fibonacci does
    }

    private static long triangle(LruCache<Integer, Long> cache, int n) {
        return cache.computeIfAbsent(1000 + n, k -> n == 0 ? 0L : n + triangle(cache, n - 1));
    }

    @Test
    void randomSequencesBehaveAsAModelCache() {
        Random random = new Random(20261202L);
        for (int capacity = 0; capacity <= 4; capacity++) {
            LruCache<Integer, Integer> cache = new LruCache<>(capacity);
            List<Integer> model = new ArrayList<>(); // keys, least recently used first
            List<Integer> values = new ArrayList<>();
            long hits = 0;
            long misses = 0;
            long evictions = 0;
            for (int step = 0; step < 2_000; step++) {
                int key = random.nextInt(6);
                int at = model.indexOf(key);
                switch (random.nextInt(4)) {
                    case 0 -> {
                        Integer expected = at < 0 ? null : values.get(at);
                        if (at < 0) {
                            misses++;
                        } else {
                            hits++;
                            model.add(model.remove(at));
                            values.add(values.remove(at));
                        }
                        assertThat(cache.get(key)).as("get(%d) at step %d, capacity %d", key, step, capacity).isEqualTo(expected);
                    }
                    case 1 -> {
                        assertThat(cache.containsKey(key)).isEqualTo(at >= 0);
                    }
                    case 2 -> {
                        Integer expected = at < 0 ? null : values.get(at);
                        if (at >= 0) {
                            model.remove(at);
                            values.remove(at);
                        }
                        assertThat(cache.remove(key)).isEqualTo(expected);
                    }
                    default -> {
                        int value = random.nextInt(100);
                        cache.put(key, value);
                        if (capacity > 0) {
                            if (at >= 0) {
                                model.remove(at);
                                values.remove(at);
                            } else if (model.size() == capacity) {
                                model.remove(0);
                                values.remove(0);
                                evictions++;
                            }
                            model.add(key);
                            values.add(value);
                        }
                    }
                }
                assertThat(cache.keys()).as("keys() at step %d, capacity %d", step, capacity).isEqualTo(model);
            }
            assertThat(cache.stats()).isEqualTo(new CacheStats(hits, misses, evictions, model.size(), capacity));
        }
    }
}
