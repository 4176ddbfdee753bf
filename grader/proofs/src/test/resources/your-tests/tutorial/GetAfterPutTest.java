package memolab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The first tests most people write: right, and nearly blind (docs/4-the-exercises.md, "Testing your cache"). */
class GetAfterPutTest {

    // snippet:get-after-put
    @Test
    void getReturnsWhatPutStored() {
        LruCache<String, Integer> cache = new LruCache<>(2);
        cache.put("a", 1);
        cache.put("b", 2);
        assertThat(cache.get("a")).isEqualTo(1);
        assertThat(cache.get("b")).isEqualTo(2);
    }
    // end:get-after-put
}
