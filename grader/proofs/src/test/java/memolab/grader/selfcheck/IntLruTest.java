package memolab.grader.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import memolab.grader.suite.IntLru;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The cost tests' model at large capacities, {@link IntLru}, answers every call as the
 * {@code LinkedHashMap} in access order it replaced there (and that the rest of the suite
 * still uses): the cost tests' verdict on whether a cache is an LRU cache rests on it.
 */
class IntLruTest {

    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {0, 1, 2, 3, 8, 100})
    @DisplayName("200,000 random calls of every kind answer as a LinkedHashMap in access order that drops its eldest "
            + "past the capacity")
    void answersAsALinkedHashMapInAccessOrder(int capacity) {
        int bound = 2 * capacity + 2;
        IntLru model = new IntLru(capacity, bound);
        Map<Integer, Integer> map = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, Integer> eldest) {
                return size() > capacity;
            }
        };
        Random random = new Random(capacity);
        for (int call = 1; call <= 200_000; call++) {
            int key = random.nextInt(bound);
            int kind = random.nextInt(5);
            Object got = switch (kind) {
                case 0 -> model.get(key);
                case 1 -> {
                    model.put(key);
                    yield null;
                }
                case 2 -> model.containsKey(key);
                case 3 -> model.remove(key);
                default -> model.computeIfAbsent(key);
            };
            Object expected = switch (kind) {
                case 0 -> map.get(key);
                case 1 -> {
                    map.put(key, key);
                    yield null;
                }
                case 2 -> map.containsKey(key);
                case 3 -> map.remove(key);
                default -> map.computeIfAbsent(key, k -> k);
            };
            assertThat(got).as("call %d, kind %d, key %d", call, kind, key).isEqualTo(expected);
            assertThat(model.size()).as("size after call %d", call).isEqualTo(map.size());
        }
    }
}
