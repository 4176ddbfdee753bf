package memolab.grader.property;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The checker finds a known bug, shrinks it to the smallest case, and replays it from its seed. */
class PropertyCheckerTest {

    /**
     * "A list of digits never has a 3 somewhere before a 5": false, and the smallest
     * counterexample is exactly [3, 5]. Random lists of 0 to 30 digits find it quickly.
     */
    static class ThreeBeforeFive implements Property<List<Integer>> {
        @Override
        public List<Integer> generate(Random random) {
            int length = random.nextInt(31);
            List<Integer> list = new ArrayList<>();
            for (int i = 0; i < length; i++) {
                list.add(random.nextInt(10));
            }
            return list;
        }

        @Override
        public Optional<String> check(List<Integer> list) {
            int three = list.indexOf(3);
            return three >= 0 && list.subList(three, list.size()).contains(5)
                    ? Optional.of("a 3 comes before a 5")
                    : Optional.empty();
        }

        @Override
        public Stream<List<Integer>> shrink(List<Integer> list) {
            return Shrink.list(list, Shrink::towardZero);
        }

        @Override
        public String describe(List<Integer> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
        }
    }

    @Test
    @DisplayName("a false property is found and shrunk to its smallest counterexample")
    void findsAndShrinks() {
        PropertyChecker.Outcome<List<Integer>> outcome = PropertyChecker.check(new ThreeBeforeFive(), 42, 1_000);
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.original().size()).as("the case first found is longer").isGreaterThan(2);
        assertThat(outcome.smallest()).containsExactly(3, 5);
        assertThat(outcome.steps()).isPositive();
        assertThat(outcome.report())
                .contains("[3, 5]")
                .contains("-> a 3 comes before a 5")
                .contains("Replay exactly this case: ./mvnw test -Dmemolab.seed=" + outcome.seed());
    }

    @Test
    @DisplayName("the reported seed replays the same failing case first")
    void seedReplaysTheCase() {
        PropertyChecker.Outcome<List<Integer>> first = PropertyChecker.check(new ThreeBeforeFive(), 42, 1_000);
        PropertyChecker.Outcome<List<Integer>> replay = PropertyChecker.check(new ThreeBeforeFive(), first.seed(), 1);
        assertThat(replay.tries()).isEqualTo(1);
        assertThat(replay.original()).isEqualTo(first.original());
        assertThat(replay.smallest()).isEqualTo(first.smallest());
    }

    @Test
    @DisplayName("a true property passes every try")
    void truePropertyPasses() {
        Property<List<Integer>> sortedStaysSorted = new ThreeBeforeFive() {
            @Override
            public Optional<String> check(List<Integer> list) {
                List<Integer> sorted = list.stream().sorted().toList();
                return sorted.equals(sorted.stream().sorted().toList()) ? Optional.empty() : Optional.of("not sorted");
            }
        };
        PropertyChecker.Outcome<List<Integer>> outcome = PropertyChecker.check(sortedStaysSorted, 7, 200);
        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.tries()).isEqualTo(200);
        assertThat(outcome.report()).isEmpty();
    }

    @Test
    @DisplayName("an exception in the property counts as a failure and is shrunk too")
    void exceptionIsAFailure() {
        ThreeBeforeFive throwing = new ThreeBeforeFive() {
            @Override
            public Optional<String> check(List<Integer> list) {
                if (list.contains(7)) {
                    throw new IllegalStateException("seven");
                }
                return Optional.empty();
            }
        };
        PropertyChecker.Outcome<List<Integer>> outcome = PropertyChecker.check(throwing, 1, 1_000);
        assertThat(outcome.smallest()).containsExactly(7);
        assertThat(outcome.failure()).isEqualTo("it threw java.lang.IllegalStateException: seven");
    }

    @Test
    @DisplayName("consecutive case seeds give cases that differ from their first random number on")
    void consecutiveSeedsDiffer() {
        int ones = 0;
        for (long seed = 20_261_125L; seed < 20_261_125L + 200; seed++) {
            ones += PropertyChecker.random(seed).nextInt(2);
        }
        assertThat(ones).as("how often a first nextInt(2) is 1, over 200 consecutive seeds").isBetween(60, 140);
    }
}
