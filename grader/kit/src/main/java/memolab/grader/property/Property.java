package memolab.grader.property;

import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

/**
 * A property to check on generated cases, with the means to shrink a failing case.
 *
 * @param <C> the type of a test case (for a stateful property, a start state and a
 *            sequence of steps)
 */
public interface Property<C> {

    /** Makes a random case. The same random numbers must give the same case. */
    C generate(Random random);

    /**
     * Runs one case from a fresh start.
     *
     * @return what went wrong, in plain words, or empty if the property holds. An exception
     *         thrown from here also counts as a failure.
     */
    Optional<String> check(C testCase);

    /**
     * Cases simpler than the given one, the most promising first. Each must be strictly
     * simpler by some measure, so that shrinking ends.
     */
    Stream<C> shrink(C testCase);

    /** The case as a reader should see it, e.g. "capacity 2: put(1, a), get(1)". */
    String describe(C testCase);
}
