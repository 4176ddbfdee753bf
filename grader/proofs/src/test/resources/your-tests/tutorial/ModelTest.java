package memolab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import memolab.grader.property.Property;
import memolab.grader.property.PropertyChecker;
import org.junit.jupiter.api.Test;

/** A model-based property, with the kit's checker (docs/4-the-exercises.md, "Testing your cache"). */
class ModelTest {

    // snippet:model
    /** A case: a capacity and a sequence of calls, each {operation, key, value}: 0 get, 1 put, 2 remove. */
    record Calls(int capacity, List<int[]> calls) {
    }

    /** The model: a list of keys, least recently used first, and their values. Slow, and plainly right. */
    static Optional<String> compare(Calls c) {
        LruCache<Integer, Integer> cache = new LruCache<>(c.capacity());
        List<Integer> order = new ArrayList<>();
        Map<Integer, Integer> values = new HashMap<>();
        for (int[] call : c.calls()) {
            Integer key = call[1];
            Integer expected = values.get(key);
            Integer actual = switch (call[0]) {
                case 0 -> cache.get(key);
                case 1 -> {
                    cache.put(key, call[2]);
                    yield null;
                }
                default -> cache.remove(key);
            };
            if (call[0] == 1 && c.capacity() > 0) {                   // put: the key becomes the most recent
                if (!values.containsKey(key) && values.size() == c.capacity()) {
                    values.remove(order.remove(0));                   // full: evict the least recent
                }
                order.remove(key);
                order.add(key);
                values.put(key, call[2]);
            } else if (call[0] == 0 && expected != null) {             // a hit: the key becomes the most recent
                order.remove(key);
                order.add(key);
            } else if (call[0] == 2) {
                order.remove(key);
                values.remove(key);
            }
            if (call[0] != 1 && !Objects.equals(actual, expected)) {
                return Optional.of("returned " + actual + ", the model " + expected);
            }
            if (!cache.keys().equals(order)) {
                return Optional.of("keys() " + cache.keys() + ", the model " + order);
            }
        }
        return Optional.empty();
    }

    static final Property<Calls> SAME_AS_THE_MODEL = new Property<>() {
        public Calls generate(Random random) {
            List<int[]> calls = new ArrayList<>();
            for (int i = random.nextInt(20); i > 0; i--) {
                calls.add(new int[] {random.nextInt(3), random.nextInt(4), random.nextInt(10)});
            }
            return new Calls(random.nextInt(4), calls);
        }

        public Optional<String> check(Calls c) {
            return compare(c);
        }

        public Stream<Calls> shrink(Calls c) {                   // one call fewer, or a smaller capacity
            Stream<Calls> fewer = Stream.iterate(0, i -> i < c.calls().size(), i -> i + 1).map(i -> {
                List<int[]> calls = new ArrayList<>(c.calls());
                calls.remove((int) i);
                return new Calls(c.capacity(), calls);
            });
            return c.capacity() == 0 ? fewer : Stream.concat(Stream.of(new Calls(c.capacity() - 1, c.calls())), fewer);
        }

        public String describe(Calls c) {
            StringBuilder text = new StringBuilder("capacity " + c.capacity() + ":");
            for (int[] call : c.calls()) {
                text.append(switch (call[0]) {
                    case 0 -> " get(" + call[1] + ")";
                    case 1 -> " put(" + call[1] + ", " + call[2] + ")";
                    default -> " remove(" + call[1] + ")";
                });
            }
            return text.toString();
        }
    };

    @Test
    void behavesAsTheModel() {
        PropertyChecker.Outcome<Calls> outcome = PropertyChecker.check(SAME_AS_THE_MODEL, 42, 500);
        assertThat(outcome.passed()).as(outcome.report()).isTrue();
    }
    // end:model
}
