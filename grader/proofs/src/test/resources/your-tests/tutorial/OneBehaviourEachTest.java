package memolab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Examples that pin one behaviour each (docs/4-the-exercises.md, "Testing your cache"). */
class OneBehaviourEachTest {

    // snippet:recency
    @Test
    void getMakesTheEntryTheMostRecentlyUsed() {
        LruCache<String, Integer> cache = new LruCache<>(2);
        cache.put("a", 1);
        cache.put("b", 2);
        cache.get("a");    // a is now the most recently used...
        cache.put("c", 3); // ...so the full cache evicts b
        assertThat(cache.keys()).containsExactly("a", "c");
    }
    // end:recency

    // snippet:counters
    @Test
    void putCountsNoLookUp() {
        LruCache<String, Integer> cache = new LruCache<>(2);
        cache.put("a", 1);
        cache.put("a", 2); // a replacement: no hit, no miss, no eviction
        assertThat(cache.stats()).isEqualTo(new CacheStats(0, 0, 0, 1, 2));
    }
    // end:counters
}
