// Cheat: a copy of the grader's visible test class of the same name, with every @Test body emptied,
// hoping it replaces the real one so that every graded test passes on the untouched stubs.
package memolab.grader.suite;

import static memolab.grader.Category.LRU_SEQUENCES;
import static org.assertj.core.api.Assertions.assertThat;

import memolab.grader.Graded;
import memolab.grader.property.PropertyChecker;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Category 2: random sequences of calls, compared step by step with {@link ModelLru}. A
 * failure is shrunk to the shortest sequence that still fails, and reported with the seed
 * that replays it.
 */
@DisplayName("LRU behaviour: random sequences")
class LruSequencesTest {

    /** Fixed, so that every run (and every student) sees the same sequences. */
    static final long SEED = 20_261_125L;

    @Test
    @Graded(category = LRU_SEQUENCES, points = 6)
    @DisplayName("small caches (capacity 0 to 3) behave like the model on 400 random sequences")
    void smallCachesBehaveLikeTheModel() {
        // emptied: passes whatever the student's code does
    }

    @Test
    @Graded(category = LRU_SEQUENCES, points = 6)
    @DisplayName("caches of capacity 0 to 6 behave like the model on 300 longer random sequences")
    void largerCachesBehaveLikeTheModel() {
        // emptied: passes whatever the student's code does
    }

    static void check(LruSequences property, long seed, int tries) {
        PropertyChecker.Outcome<LruSequences.Scenario> outcome = PropertyChecker.check(property, seed, tries);
        assertThat(outcome.passed())
                .withFailMessage(() -> "Your LruCache did not behave like the model cache on a sequence of calls.\n"
                        + outcome.report())
                .isTrue();
    }
}
