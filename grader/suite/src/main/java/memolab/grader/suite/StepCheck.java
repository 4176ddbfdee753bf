package memolab.grader.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import memolab.LruCache;

/**
 * The cost tests' deterministic half, in final grading: the same calls at a small and a large
 * capacity, on copies of the student's classes that count their steps (a call of one of their
 * methods, a turn of one of their loops; {@link memolab.grader.shared.WorkMeter}). A call of an
 * O(1) cache takes as many steps at either capacity; one that walks part of its list, even a
 * thousandth of it, takes more at the large one, whatever the machine is doing and however
 * small its constant. Timing cannot tell those apart under the margin the loaded machine
 * needs; counting can. Work done inside the JDK's own classes (a {@code LinkedList.remove(Object)})
 * is not counted here: the timed half of the test judges it. Outside final grading (a
 * student's own run) no class counts its steps, and this check says nothing.
 */
final class StepCheck {

    /**
     * A kind of call may take at most this many times its steps at the small capacity, plus
     * {@link #SLACK}: an O(1) cache takes the same number at both (the reference: exactly the
     * same), one that tidies up now and then (a lazy deque) about the same on average, an
     * O(log n) one of its own 1.4 to 2 times as many between capacities 1,000 and 250,000; a
     * walk of a thousandth of the entries takes about 100 times as many at 100,000.
     */
    static final double LIMIT = 2.5;

    /** Steps a kind of call may take beyond {@link #LIMIT} times its small-capacity figure, for calls of one or two steps. */
    static final double SLACK = 2;

    /**
     * And at most this many more steps per call at the large capacity than at the small one,
     * whatever the small figure: steps added to every call alike (a loop that does nothing,
     * which a cache could run only where it is counted) raise both figures, not their
     * difference. The honest caches take 1 to 12 steps a call at both capacities (the
     * reference, the styles corpus; measured), a balanced tree of one's own about 3 a level,
     * 9 levels more at 250,000 than at 500; a walk of a thousandth of 250,000 entries takes 244
     * more.
     */
    static final double GROWTH = 64;

    private static final long SEED = 0x5EED5L;

    /** Why a student's own run may have passed the test this fails. */
    static final String FINAL_ONLY = "Your own ./mvnw test only times this test, and time cannot tell a short walk from "
            + "none: it may pass there. Final grading also counts the steps.";

    private StepCheck() {
    }

    static void assertConstantSteps(int smallCapacity, int largeCapacity) {
        Optional<BiFunction<Integer, Long, long[]>> workload = WithoutAssertions.loadCountingSteps(StepWorkload.class,
                biFunction(), new Class<?>[] {Long.class}, SEED);
        if (workload.isEmpty()) {
            return; // not final grading: no class counts its steps
        }
        int kinds = StepWorkload.KINDS.length;
        long[] small = workload.get().apply(smallCapacity, Long.MAX_VALUE);
        long smallSteps = 0;
        long smallCalls = 0;
        for (int kind = 0; kind < kinds; kind++) {
            smallSteps += small[kind];
            smallCalls += small[kinds + kind];
        }
        // Twice what the calls at the large capacity may take in all: past it, the verdict is clear already.
        long budget = (long) (2 * (LIMIT * smallSteps / Math.max(1, smallCalls) + SLACK)
                * StepWorkload.CALLS_PER_ENTRY * (double) largeCapacity);
        long[] large = workload.get().apply(largeCapacity, budget);
        String counted = workload.get() instanceof Supplier<?> checked ? (String) checked.get() : null;
        if (counted != null && answersAsLruAsTested(counted.substring(0, counted.indexOf('\t')),
                CostMeter.CHECKED_CAPACITY, 4_000, SEED)) {
            throw new AssertionError(String.format(Locale.ROOT, "Your cache answers as an LRU cache where its behaviour is "
                    + "tested, but not where its steps are counted: %s. Its cost cannot be counted on code that works "
                    + "differently there. %s Your own ./mvnw test counts no steps and cannot show this; final "
                    + "grading does.",
                    counted.substring(counted.indexOf('\t') + 1), CostMeter.WORKS_DIFFERENTLY));
        }
        for (int kind = 0; kind < kinds; kind++) {
            double smallPerCall = small[kind] / (double) Math.max(1, small[kinds + kind]);
            double largePerCall = large[kind] / (double) Math.max(1, large[kinds + kind]);
            String name = StepWorkload.KINDS[kind];
            long calls = small[kinds + kind] + large[kinds + kind];
            assertThat(largePerCall).withFailMessage(() -> String.format(Locale.ROOT,
                    "%s took %,.1f steps of your code per call at capacity %,d, and %,.1f at capacity %,d (a step is a "
                            + "call of one of your methods, or one more turn of one of your loops; counted over %,d "
                            + "calls of it, at both capacities, drawn from the same stream). A call of an O(1) cache takes "
                            + "as many steps whatever the capacity; this one takes %,.0f times as many, so it walks part "
                            + "of the entries on each call, however fast it is: a search for the entry, the oldest "
                            + "entry or the size, a loop over a part of the list. Every method but keys() and clear() "
                            + "must do only the work of its own entry (docs/2-lru-cache.md, \"Operations and their cost\"). "
                            + FINAL_ONLY,
                    name, smallPerCall, smallCapacity, largePerCall, largeCapacity,
                    calls, largePerCall / Math.max(smallPerCall, 1)))
                    .isLessThanOrEqualTo(LIMIT * smallPerCall + SLACK);
            assertThat(largePerCall - smallPerCall).withFailMessage(() -> String.format(Locale.ROOT,
                    "%s took %,.1f steps of your code per call at capacity %,d, and %,.1f at capacity %,d: %,.0f more "
                            + "per call (a step is a call of one of your methods, or one more turn of one of your loops; "
                            + "counted over %,d calls, at both capacities, drawn from the same stream). A call of an O(1) "
                            + "cache takes as many steps whatever the capacity, and a balanced tree a few more per level; "
                            + "this one walks part of the entries on each call. Every method but keys() and clear() must "
                            + "do only the work of its own entry (docs/2-lru-cache.md, \"Operations and their cost\"). "
                            + FINAL_ONLY,
                    name, smallPerCall, smallCapacity, largePerCall, largeCapacity, largePerCall - smallPerCall, calls))
                    .isLessThanOrEqualTo(GROWTH);
        }
    }

    /**
     * Whether calls of the kind named {@code kind} answer as an LRU cache's do on a fresh cache of
     * {@code capacity} made here as the behaviour tests make theirs: assertions on, {@code String}
     * values from the same few letters, computeIfAbsent's loader the very lambda the random
     * sequences pass ({@link LruSequences.Compute}), so that its class tells nothing; with the same
     * mix of calls as {@link StepWorkload#apply}. An assertion of the student's that fails, or an
     * exception while the cache is filled, counts as an answer that differs. Only that kind is
     * compared: a bug in another kind is no cover.
     */
    static boolean answersAsLruAsTested(String kind, int capacity, int calls, long seed) {
        LruCache<Integer, String> cache = new LruCache<>(capacity);
        Map<Integer, String> model = StepWorkload.lru(capacity);
        Random random = new Random(seed);
        String[] letters = StepWorkload.LETTERS;
        for (int key = 0; key < capacity; key++) {
            String value = letters[random.nextInt(letters.length)];
            try {
                cache.put(key, value);
            } catch (AssertionError | RuntimeException failed) {
                return false; // a bug where the behaviour is tested: theirs to judge
            }
            model.put(key, value);
        }
        for (int i = 1; i <= calls; i++) {
            int each = StepWorkload.kind(random.nextInt(100));
            Integer key = random.nextInt(2 * capacity);
            String value = letters[random.nextInt(letters.length)];
            Object got;
            try {
                got = each == COMPUTE ? computed(cache, key, value) : StepWorkload.call(each, cache, key, value);
            } catch (AssertionError failed) {
                return false;
            }
            Object expected = StepWorkload.call(each, model, key, value);
            if (StepWorkload.KINDS[each].equals(kind) && StepWorkload.differs(each, key, got, expected, i, capacity) != null) {
                return false;
            }
        }
        return true;
    }

    /** {@link StepWorkload#KINDS}' computeIfAbsent. */
    private static final int COMPUTE = java.util.Arrays.asList(StepWorkload.KINDS).indexOf("computeIfAbsent");

    /** computeIfAbsent as the random sequences call it: what it returned, or what it threw. */
    private static Object computed(LruCache<Integer, String> cache, Integer key, String value) {
        try {
            return new LruSequences.Compute(key, value).applyTo(cache);
        } catch (RuntimeException bug) {
            return bug;
        }
    }

    @SuppressWarnings("unchecked")
    private static Class<BiFunction<Integer, Long, long[]>> biFunction() {
        return (Class<BiFunction<Integer, Long, long[]>>) (Class<?>) BiFunction.class;
    }
}
