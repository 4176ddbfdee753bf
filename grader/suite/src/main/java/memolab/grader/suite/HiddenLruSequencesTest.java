package memolab.grader.suite;

import static memolab.grader.Category.LRU_SEQUENCES;

import memolab.grader.Graded;
import memolab.grader.Hidden;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Category 2, final grading: many more sequences, larger capacities, other seeds. */
@Hidden
@DisplayName("LRU behaviour: random sequences (hidden)")
class HiddenLruSequencesTest {

    @Test
    @Graded(category = LRU_SEQUENCES, points = 4)
    @DisplayName("caches of capacity 0 to 8 behave like the model on 3,000 random sequences")
    void manySequencesBehaveLikeTheModel() {
        LruSequencesTest.check(new LruSequences(8, 30), 7_770_001L, 3_000, false);
    }

    @Test
    @Graded(category = LRU_SEQUENCES, points = 4)
    @DisplayName("caches of capacity 0 to 8 behave like the model on 400 sequences of up to 200 calls")
    void longSequencesBehaveLikeTheModel() {
        LruSequencesTest.check(new LruSequences(8, 200), 9_990_001L, 400, false);
    }
}
