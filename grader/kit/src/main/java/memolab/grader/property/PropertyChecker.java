package memolab.grader.property;

import java.util.Iterator;
import java.util.Optional;
import java.util.Random;

/**
 * Checks a {@link Property} on many random cases and shrinks the first failure to a
 * smallest failing case: a small, dependency-free stand-in for a property-testing library
 * (see the README for why this project has its own).
 *
 * <p>Case {@code i} of a run with seed {@code s} is generated from seed {@code s + i}, so a
 * failure found at case seed {@code x} is replayed exactly by a run with seed {@code x}.
 */
public final class PropertyChecker {

    /** The system property that replays a run: {@code -Dmemolab.seed=...}. */
    public static final String SEED_PROPERTY = "memolab.seed";

    /** How many simpler cases shrinking may try in all; far more than small cases need. */
    static final int SHRINK_BUDGET = 20_000;

    private PropertyChecker() {
    }

    /**
     * Runs {@code tries} cases from {@code seed} (or from {@code -Dmemolab.seed} when set).
     *
     * @return the outcome; {@link Outcome#passed()} tells whether every case held
     */
    public static <C> Outcome<C> check(Property<C> property, long seed, int tries) {
        return check(property, seed, tries, true);
    }

    /**
     * As {@link #check(Property, long, int)}; a check that is not {@code replayable} (a hidden
     * test, whose cases a student's copy of the tests does not hold) ignores
     * {@code -Dmemolab.seed} and reports its smallest case without a replay command.
     */
    public static <C> Outcome<C> check(Property<C> property, long seed, int tries, boolean replayable) {
        long base = replayable ? Long.getLong(SEED_PROPERTY, seed) : seed;
        for (int i = 0; i < tries; i++) {
            long caseSeed = base + i;
            C generated = property.generate(random(caseSeed));
            Optional<String> failure = run(property, generated);
            if (failure.isPresent()) {
                return shrink(property, i + 1, caseSeed, generated, failure.get(), replayable);
            }
        }
        return new Outcome<>(tries, base, null, null, null, 0, "");
    }

    /**
     * The random numbers of one case. {@code new Random(seed)} alone would not do: for
     * consecutive seeds its first numbers are nearly the same (a first {@code nextInt(2)} is the
     * same for thousands of seeds in a row), so every case would start alike. The seed is mixed
     * first (SplitMix64's finalizer), which keeps one seed, one case.
     */
    static Random random(long caseSeed) {
        long z = caseSeed + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new Random(z ^ (z >>> 31));
    }

    private static <C> Outcome<C> shrink(Property<C> property, int tries, long caseSeed, C original, String failure,
                                         boolean replayable) {
        C smallest = original;
        String smallestFailure = failure;
        int steps = 0;
        int budget = SHRINK_BUDGET;
        boolean shrunk = true;
        while (shrunk && budget > 0) {
            shrunk = false;
            Iterator<C> candidates = property.shrink(smallest).iterator();
            while (candidates.hasNext() && budget > 0) {
                C candidate = candidates.next();
                budget--;
                Optional<String> candidateFailure = run(property, candidate);
                if (candidateFailure.isPresent()) {
                    smallest = candidate;
                    smallestFailure = candidateFailure.get();
                    steps++;
                    shrunk = true;
                    break;
                }
            }
        }
        return new Outcome<>(tries, caseSeed, original, smallest, smallestFailure, steps,
                report(property, tries, caseSeed, original, smallest, smallestFailure, steps, replayable));
    }

    private static <C> Optional<String> run(Property<C> property, C testCase) {
        try {
            return property.check(testCase);
        } catch (RuntimeException | StackOverflowError | AssertionError | LinkageError e) {
            return Optional.of("it threw " + e.getClass().getName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    private static <C> String report(Property<C> property, int tries, long seed, C original, C smallest,
                                     String failure, int steps, boolean replayable) {
        String originalText = property.describe(original);
        String smallestText = property.describe(smallest);
        StringBuilder text = new StringBuilder();
        text.append("Found a failing case at random case ").append(tries).append(". Smallest failing case");
        text.append(steps == 0 ? " (it could not be made smaller):\n" : " (shrunk in " + steps + " steps):\n");
        text.append("  ").append(smallestText).append('\n');
        text.append("  -> ").append(failure.replace("\n", "\n     ")).append('\n');
        if (!originalText.equals(smallestText)) {
            text.append("The case first found was longer: ").append(abbreviate(originalText)).append('\n');
        }
        if (replayable) {
            text.append("Replay exactly this case: ./mvnw test -D").append(SEED_PROPERTY).append('=').append(seed);
        } else {
            text.append("This is a hidden case of final grading: your copy of the tests does not hold it, so no command "
                    + "replays it. The smallest case above is the whole story: make those calls in a test of your own.");
        }
        return text.toString();
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 297) + "...";
    }

    /**
     * What a check found.
     *
     * @param tries    the cases run (up to and including the failing one)
     * @param seed     the seed of the failing case, or the base seed when all passed
     * @param original the failing case as generated, or {@code null}
     * @param smallest the failing case after shrinking, or {@code null}
     * @param failure  what went wrong in the smallest case, or {@code null}
     * @param steps    how many times shrinking found a simpler failing case
     * @param report   the failure in plain words with the replay command, or empty
     */
    public record Outcome<C>(int tries, long seed, C original, C smallest, String failure, int steps, String report) {

        /** Whether every case held. */
        public boolean passed() {
            return failure == null;
        }
    }
}
