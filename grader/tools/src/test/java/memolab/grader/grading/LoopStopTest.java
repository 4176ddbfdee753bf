package memolab.grader.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The checks the corpus's caches pass: the stop, and the count of a test's steps against its budget. */
class LoopStopTest {

    @AfterEach
    void clear() {
        LoopStop.stop(false);
        LoopStop.count(Long.MAX_VALUE, List.of());
    }

    @Test
    @DisplayName("a test is over its budget at the first check past it, not before, and its count starts afresh with the next")
    void overBudgetPastTheLimit() {
        LoopStop.count(100, List.of());
        for (int i = 0; i < 100; i++) {
            LoopStop.check();
        }
        assertThat(LoopStop.overBudget()).isFalse();
        assertThat(LoopStop.steps()).isEqualTo(100);
        LoopStop.check();
        assertThat(LoopStop.overBudget()).isTrue();
        assertThat(LoopStop.steps()).isEqualTo(101);

        LoopStop.count(100, List.of());
        assertThat(LoopStop.overBudget()).as("the next test's").isFalse();
        assertThat(LoopStop.steps()).isZero();
    }

    @Test
    @DisplayName("without a budget a test is never over it, however many steps it takes")
    void noBudget() {
        LoopStop.count(Long.MAX_VALUE, List.of());
        for (int i = 0; i < 1_000_000; i++) {
            LoopStop.check();
        }
        assertThat(LoopStop.overBudget()).isFalse();
        assertThat(LoopStop.steps()).isEqualTo(1_000_000);
    }

    @Test
    @DisplayName("a thread an earlier test left running takes no step of the running test's")
    void anEarlierTestsThreadIsNotCounted() throws InterruptedException {
        AtomicBoolean spin = new AtomicBoolean(true);
        CountDownLatch started = new CountDownLatch(1);
        Thread left = new Thread(() -> {
            started.countDown();
            while (spin.get()) {
                LoopStop.check();
            }
        });
        left.setDaemon(true);
        LoopStop.count(Long.MAX_VALUE, List.of()); // the earlier test's: it spins on
        left.start();
        started.await();
        LoopStop.count(1_000, List.of(left));
        Thread.sleep(50);
        assertThat(LoopStop.overBudget()).isFalse();
        LoopStop.check();
        // One step of the thread left running may land here: it read the threads left out just before they changed.
        assertThat(LoopStop.steps()).isBetween(1L, 2L);
        spin.set(false);
        left.join();
    }

    @Test
    @DisplayName("once the stop is set, the next check throws, whatever the budget")
    void theStopThrows() {
        LoopStop.count(Long.MAX_VALUE, List.of());
        LoopStop.stop(true);
        assertThatThrownBy(LoopStop::check).isInstanceOf(LoopStop.Stopped.class);
    }

    @Test
    @DisplayName("a test's budget on the bugs: ten times its most steps on the correct caches, at least the floor, never past a long")
    void stepLimits() {
        Map<String, Long> limits = YourTests.stepLimits(Map.of("few", 10L, "many", 5_000_000L, "huge", Long.MAX_VALUE / 3));
        assertThat(limits).containsEntry("few", YourTests.STEP_FLOOR)
                .containsEntry("many", 5_000_000L * YourTests.LIMIT_FACTOR)
                .containsEntry("huge", Long.MAX_VALUE);
    }
}
