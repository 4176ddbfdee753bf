package memolab.grader.suite;

import static memolab.grader.Category.LRU_SEQUENCES;
import static org.assertj.core.api.Assertions.assertThat;

import memolab.grader.Graded;
import memolab.grader.suite.LruSequences.Part;
import memolab.grader.property.PropertyChecker;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Category 2: random sequences of calls, compared step by step with {@link ModelLru}, one
 * test per part of the contract ({@link LruSequences.Part}), so that a bug loses the parts it
 * breaks: recency and eviction weigh most, as the lesson is about them. A failure is shrunk
 * to the shortest sequence that still fails, and reported with the seed that replays it.
 */
@DisplayName("LRU behaviour: random sequences")
class LruSequencesTest {

    /** Fixed, so that every run (and every student) sees the same sequences. */
    static final long SEED = 20_261_125L;

    @Test
    @Graded(category = LRU_SEQUENCES, points = 9)
    @DisplayName("recency and eviction: get and put on caches of capacity 2 to 4, 400 sequences")
    void recencyAndEviction() {
        check(new LruSequences(Part.RECENCY, 4, 16), SEED, 400);
    }

    @Test
    @Graded(category = LRU_SEQUENCES, points = 3)
    @DisplayName("keys() lists the keys in recency order after get and put, 300 sequences")
    void keysInRecencyOrder() {
        check(new LruSequences(Part.KEY_ORDER, 4, 16), SEED + 1, 300);
    }

    @Test
    @Graded(category = LRU_SEQUENCES, points = 3)
    @DisplayName("containsKey is a peek: put and containsKey, 300 sequences")
    void containsKeyIsAPeek() {
        check(new LruSequences(Part.PEEK, 4, 16), SEED + 2, 300);
    }

    @Test
    @Graded(category = LRU_SEQUENCES, points = 2)
    @DisplayName("remove, with put and get, 300 sequences")
    void remove() {
        check(new LruSequences(Part.REMOVE, 5, 20), SEED + 3, 300);
    }

    @Test
    @Graded(category = LRU_SEQUENCES, points = 2)
    @DisplayName("computeIfAbsent with plain, storing, null and failing loaders, 300 sequences")
    void computeIfAbsentLoaders() {
        check(new LruSequences(Part.LOADERS, 5, 20), SEED + 4, 300);
    }

    @Test
    @Graded(category = LRU_SEQUENCES, points = 2)
    @DisplayName("the counters count what the cache did, and clear() resets them, 300 sequences")
    void countersAndClear() {
        check(new LruSequences(Part.COUNTERS, 4, 20), SEED + 5, 300);
    }

    @Test
    @Graded(category = LRU_SEQUENCES, points = 2)
    @DisplayName("capacities 0 and 1: every call, 300 sequences")
    void capacitiesZeroAndOne() {
        check(new LruSequences(Part.EDGES, 1, 16), SEED + 6, 300);
    }

    static void check(LruSequences property, long seed, int tries) {
        check(property, seed, tries, true);
    }

    /** {@code replayable}: false for the hidden tests, whose cases a student cannot replay. */
    static void check(LruSequences property, long seed, int tries, boolean replayable) {
        PropertyChecker.Outcome<LruSequences.Scenario> outcome = PropertyChecker.check(property, seed, tries, replayable);
        assertThat(outcome.passed())
                .withFailMessage(() -> "Your LruCache did not behave like the model cache on a sequence of calls.\n"
                        + outcome.report())
                .isTrue();
    }
}
