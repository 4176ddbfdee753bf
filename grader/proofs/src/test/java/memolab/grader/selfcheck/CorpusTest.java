package memolab.grader.selfcheck;

import static memolab.grader.Category.RULES;
import static memolab.grader.Category.FIBONACCI_VALUES;
import static memolab.grader.Category.MEMO_TIMING;
import static memolab.grader.Category.LRU_COST;
import static memolab.grader.Category.LRU_EXAMPLES;
import static memolab.grader.Category.LRU_SEQUENCES;
import static memolab.grader.Category.MEMO_COUNTERS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import memolab.grader.Category;
import memolab.grader.score.Score;
import memolab.grader.score.TestOutcome;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every classic student bug in the corpus ({@code src/test/resources/corpus}) must lose
 * points exactly in the categories that name it: caught where it belongs, and nowhere else.
 */
public class CorpusTest {

    /**
     * Variant -> the categories it must lose points in (hidden tests included). Where a bug
     * reaches beyond its own category, the reason is given.
     */
    public static final Map<String, Set<Category>> EXPECTED = new TreeMap<>(Map.ofEntries(
            Map.entry("correct-compact", EnumSet.noneOf(Category.class)),
            // fib never needs a hit to refresh its entry (capacity 2 and 3 give the same counters without it).
            Map.entry("get-does-not-refresh", EnumSet.of(LRU_EXAMPLES, LRU_SEQUENCES)),
            Map.entry("put-existing-does-not-refresh", EnumSet.of(LRU_EXAMPLES, LRU_SEQUENCES)),
            // Eviction order bugs change fib's counters at small capacities: the counters are an LRU fingerprint.
            Map.entry("evicts-newest", EnumSet.of(LRU_EXAMPLES, LRU_SEQUENCES, MEMO_COUNTERS)),
            Map.entry("evicts-on-overwrite-when-full", EnumSet.of(LRU_EXAMPLES, LRU_SEQUENCES)),
            Map.entry("off-by-one-capacity", EnumSet.of(LRU_EXAMPLES, LRU_SEQUENCES, MEMO_COUNTERS)),
            // The hidden counter test runs capacity 0.
            Map.entry("capacity-zero-crashes", EnumSet.of(LRU_EXAMPLES, LRU_SEQUENCES, MEMO_COUNTERS)),
            // It crashes under the cost workload (a stale node is unlinked twice), so its cost cannot be measured.
            Map.entry("stale-map-entry-after-eviction",
                    EnumSet.of(LRU_EXAMPLES, LRU_SEQUENCES, LRU_COST, MEMO_COUNTERS)),
            Map.entry("remove-leaves-dangling-node", EnumSet.of(LRU_EXAMPLES, LRU_SEQUENCES)),
            // The hidden counter test calls cacheClear.
            Map.entry("clear-keeps-counters", EnumSet.of(LRU_EXAMPLES, LRU_SEQUENCES, MEMO_COUNTERS)),
            Map.entry("containskey-refreshes", EnumSet.of(LRU_EXAMPLES, LRU_SEQUENCES)),
            Map.entry("put-counts-lookups", EnumSet.of(LRU_EXAMPLES, LRU_SEQUENCES, MEMO_COUNTERS)),
            Map.entry("evictions-not-counted", EnumSet.of(LRU_EXAMPLES, LRU_SEQUENCES, MEMO_COUNTERS)),
            Map.entry("keys-most-recent-first", EnumSet.of(LRU_EXAMPLES, LRU_SEQUENCES)),
            Map.entry("null-accepted", EnumSet.of(LRU_EXAMPLES)),
            Map.entry("negative-capacity-accepted", EnumSet.of(LRU_EXAMPLES)),
            Map.entry("linear-scan", EnumSet.of(LRU_COST)),
            // The shortcut rule guards the LRU categories: their passing tests are not counted.
            Map.entry("linkedhashmap-subclass", EnumSet.of(RULES, LRU_EXAMPLES, LRU_SEQUENCES, LRU_COST)),
            // Recursion through HashMap.computeIfAbsent breaks every recursive use: fib cannot run at all.
            Map.entry("hashmap-computeifabsent-recursion",
                    EnumSet.of(LRU_EXAMPLES, LRU_SEQUENCES, FIBONACCI_VALUES, MEMO_COUNTERS, MEMO_TIMING)),
            // Not keeping the results in the LruCache breaks a rule that guards both memoization categories.
            Map.entry("memo-bypasses-cache", EnumSet.of(MEMO_COUNTERS, MEMO_TIMING, RULES)),
            Map.entry("memo-skips-base-cases", EnumSet.of(MEMO_COUNTERS)),
            Map.entry("memo-swaps-call-order", EnumSet.of(MEMO_COUNTERS)),
            Map.entry("long-overflow", EnumSet.of(FIBONACCI_VALUES)),
            // A thread breaks a safety rule: final grading refuses the code, and the suite counts every category as 0.
            Map.entry("big-stack-thread", EnumSet.allOf(Category.class))));

    @Test
    @DisplayName("the corpus has at least 15 buggy variants, each with its expected categories")
    void corpusIsComplete() {
        assertThat(Submissions.corpusNames()).as("variants in src/test/resources/corpus")
                .containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
        assertThat(EXPECTED.values().stream().filter(set -> !set.isEmpty()).count()).isGreaterThanOrEqualTo(15);
        Set<Category> caught = EXPECTED.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
        assertThat(caught).as("categories that catch at least one variant").containsExactlyInAnyOrder(Category.values());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("memolab.grader.selfcheck.Submissions#corpusNames")
    @DisplayName("each variant loses points exactly where its bug belongs")
    void variantLosesPointsWhereItsBugBelongs(String variant) {
        Score score = Submissions.grade(Submissions.compileVariant(Submissions.CORPUS, variant), true);
        Set<Category> lost = score.lost().stream().map(TestOutcome::category).collect(Collectors.toCollection(
                () -> EnumSet.noneOf(Category.class)));
        assertThat(lost).as("categories where %s lost points; the failed tests were:%n%s", variant, describe(score))
                .isEqualTo(EXPECTED.get(variant));
    }

    private static String describe(Score score) {
        return score.lost().stream()
                .map(o -> "  [" + o.category() + "] " + o.displayName() + ": " + o.message().lines().findFirst().orElse(""))
                .collect(Collectors.joining("\n"));
    }
}
