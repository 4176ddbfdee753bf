package memolab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Your own tests of your cache ("Your tests"). {@code ./mvnw test} runs them on your code
 * first, then the graded tests; the score table says how many passed and how much of your
 * {@code LruCache} they reach. Final grading also runs them on correct caches, where each
 * must pass, and on caches with one known bug each, where one of them should fail: that is
 * what they are graded on.
 *
 * <p>What makes a good test of a cache:
 * <ul>
 *   <li>one promise of the contract per test, named after it ("get makes the entry the most
 *       recently used"), checked after the call that should keep it: {@code keys()} shows the
 *       recency order, {@code stats()} the counters;</li>
 *   <li>the cases where caches break: a full cache, a key put twice, capacities 0 and 1,
 *       removing the last entry, {@code null}, a negative capacity;</li>
 *   <li>nothing the contract does not promise (an exception's exact words, {@code toString},
 *       timings): a correct cache may differ there, and a test that fails on a correct cache
 *       earns nothing;</li>
 *   <li>no chance: a random sequence is welcome with a fixed seed, compared step by step with
 *       a simple model (the kit's {@code memolab.grader.property.PropertyChecker} shrinks a
 *       failing one to the smallest).</li>
 * </ul>
 * Read docs/4-the-exercises.md, "Testing your cache". Add test classes beside this one
 * (package {@code memolab}, names ending in {@code Test}).
 */
class LruCacheTest {

    @Test
    void getReturnsTheValuePutStored() {
        LruCache<String, Integer> cache = new LruCache<>(2);
        cache.put("a", 1);
        assertThat(cache.get("a")).isEqualTo(1);
    }
}
