package memolab.grader.suite;

import static memolab.grader.Category.LRU_SEQUENCES;

import memolab.grader.Graded;
import memolab.grader.Hidden;
import memolab.grader.suite.LruSequences.Part;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Category 2, final grading: the central parts again, with more and longer sequences, larger capacities, other seeds. */
@Hidden
@DisplayName("LRU behaviour: random sequences (hidden)")
class HiddenLruSequencesTest {

    @Test
    @Graded(category = LRU_SEQUENCES, points = 5)
    @DisplayName("recency and eviction: caches of capacity 2 to 8, 3,000 sequences of up to 200 calls")
    void recencyAndEvictionAtLength() {
        LruSequencesTest.check(new LruSequences(Part.RECENCY, 8, 200), 7_770_001L, 3_000, false);
    }

    @Test
    @Graded(category = LRU_SEQUENCES, points = 2)
    @DisplayName("keys() in recency order: caches of capacity 2 to 8, 1,000 sequences")
    void keysInRecencyOrderAtLength() {
        LruSequencesTest.check(new LruSequences(Part.KEY_ORDER, 8, 60), 8_880_001L, 1_000, false);
    }

    @Test
    @Graded(category = LRU_SEQUENCES, points = 1)
    @DisplayName("containsKey is a peek: caches of capacity 2 to 8, 1,000 sequences")
    void containsKeyIsAPeekAtLength() {
        LruSequencesTest.check(new LruSequences(Part.PEEK, 8, 60), 9_990_001L, 1_000, false);
    }
}
