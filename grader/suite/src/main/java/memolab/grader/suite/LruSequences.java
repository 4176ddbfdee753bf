package memolab.grader.suite;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import memolab.CacheStats;
import memolab.LruCache;
import memolab.grader.property.Property;
import memolab.grader.property.Shrink;

/**
 * The stateful property of category 2: a random sequence of calls on a fresh
 * {@code LruCache} gives, after every call, the same result, the same keys in the same
 * order, and the same counters as {@link ModelLru}.
 */
final class LruSequences implements Property<LruSequences.Scenario> {

    /** One call on the cache. {@code toString} reads like the call. */
    sealed interface Op {
        /** Applies the call to the cache under test; returns what it returned (or null). */
        Object applyTo(LruCache<Integer, String> cache);

        /** Applies the call to the model. */
        Object applyTo(ModelLru<Integer, String> model);

        /** Simpler calls of the same kind, for shrinking. */
        Stream<Op> simpler();
    }

    record Put(int key, String value) implements Op {
        public Object applyTo(LruCache<Integer, String> cache) {
            cache.put(key, value);
            return null;
        }

        public Object applyTo(ModelLru<Integer, String> model) {
            model.put(key, value);
            return null;
        }

        public Stream<Op> simpler() {
            return Stream.concat(Shrink.towardZero(key).map(k -> new Put(k, value)),
                    value.equals("a") ? Stream.empty() : Stream.of(new Put(key, "a")));
        }

        @Override
        public String toString() {
            return "put(" + key + ", " + value + ")";
        }
    }

    record Get(int key) implements Op {
        public Object applyTo(LruCache<Integer, String> cache) {
            return cache.get(key);
        }

        public Object applyTo(ModelLru<Integer, String> model) {
            return model.get(key);
        }

        public Stream<Op> simpler() {
            return Shrink.towardZero(key).map(Get::new);
        }

        @Override
        public String toString() {
            return "get(" + key + ")";
        }
    }

    record ContainsKey(int key) implements Op {
        public Object applyTo(LruCache<Integer, String> cache) {
            return cache.containsKey(key);
        }

        public Object applyTo(ModelLru<Integer, String> model) {
            return model.containsKey(key);
        }

        public Stream<Op> simpler() {
            return Stream.concat(Stream.of(new Get(key)), Shrink.towardZero(key).map(ContainsKey::new));
        }

        @Override
        public String toString() {
            return "containsKey(" + key + ")";
        }
    }

    record Remove(int key) implements Op {
        public Object applyTo(LruCache<Integer, String> cache) {
            return cache.remove(key);
        }

        public Object applyTo(ModelLru<Integer, String> model) {
            return model.remove(key);
        }

        public Stream<Op> simpler() {
            return Shrink.towardZero(key).map(Remove::new);
        }

        @Override
        public String toString() {
            return "remove(" + key + ")";
        }
    }

    /** {@code computeIfAbsent(key, k -> value)}. */
    record Compute(int key, String value) implements Op {
        public Object applyTo(LruCache<Integer, String> cache) {
            return cache.computeIfAbsent(key, k -> value);
        }

        public Object applyTo(ModelLru<Integer, String> model) {
            return model.computeIfAbsent(key, k -> value);
        }

        public Stream<Op> simpler() {
            return Stream.of(Stream.<Op>of(new Put(key, value), new Get(key)),
                    Shrink.towardZero(key).map(k -> new Compute(k, value)),
                    value.equals("a") ? Stream.<Op>empty() : Stream.<Op>of(new Compute(key, "a"))).flatMap(ops -> ops);
        }

        @Override
        public String toString() {
            return "computeIfAbsent(" + key + ", k -> " + value + ")";
        }
    }

    /** {@code computeIfAbsent(key, k -> { put(other, otherValue); return value; })}: a loader that uses the cache. */
    record ComputeStoring(int key, String value, int other, String otherValue) implements Op {
        public Object applyTo(LruCache<Integer, String> cache) {
            return cache.computeIfAbsent(key, k -> {
                cache.put(other, otherValue);
                return value;
            });
        }

        public Object applyTo(ModelLru<Integer, String> model) {
            return model.computeIfAbsent(key, k -> {
                model.put(other, otherValue);
                return value;
            });
        }

        public Stream<Op> simpler() {
            return Stream.of(Stream.<Op>of(new Compute(key, value)),
                    Shrink.towardZero(key).map(k -> new ComputeStoring(k, value, other, otherValue)),
                    Shrink.towardZero(other).map(o -> new ComputeStoring(key, value, o, otherValue)),
                    value.equals("a") && otherValue.equals("a") ? Stream.<Op>empty()
                            : Stream.<Op>of(new ComputeStoring(key, "a", other, "a"))).flatMap(ops -> ops);
        }

        @Override
        public String toString() {
            return "computeIfAbsent(" + key + ", k -> { put(" + other + ", " + otherValue + "); return " + value + "; })";
        }
    }

    record Clear() implements Op {
        public Object applyTo(LruCache<Integer, String> cache) {
            cache.clear();
            return null;
        }

        public Object applyTo(ModelLru<Integer, String> model) {
            model.clear();
            return null;
        }

        public Stream<Op> simpler() {
            return Stream.empty();
        }

        @Override
        public String toString() {
            return "clear()";
        }
    }

    /** A fresh cache of a capacity, then the calls in order. */
    record Scenario(int capacity, List<Op> ops) {
    }

    private static final String[] VALUES = {"a", "b", "c", "d", "e"};

    private final int maxCapacity;
    private final int maxSteps;

    /**
     * @param maxCapacity capacities are drawn from 0 to this
     * @param maxSteps    sequences have 1 to this many calls
     */
    LruSequences(int maxCapacity, int maxSteps) {
        this.maxCapacity = maxCapacity;
        this.maxSteps = maxSteps;
    }

    @Override
    public Scenario generate(Random random) {
        int capacity = random.nextInt(maxCapacity + 1);
        int keys = capacity + 2; // a few more keys than room, so that evictions happen
        int steps = 1 + random.nextInt(maxSteps);
        List<Op> ops = new ArrayList<>(steps);
        for (int i = 0; i < steps; i++) {
            int key = random.nextInt(keys);
            String value = VALUES[random.nextInt(VALUES.length)];
            int roll = random.nextInt(100);
            ops.add(roll < 30 ? new Put(key, value)
                    : roll < 60 ? new Get(key)
                    : roll < 72 ? new Compute(key, value)
                    : roll < 78 ? new ComputeStoring(key, value, random.nextInt(keys), VALUES[random.nextInt(VALUES.length)])
                    : roll < 87 ? new Remove(key)
                    : roll < 96 ? new ContainsKey(key)
                    : new Clear());
        }
        return new Scenario(capacity, ops);
    }

    @Override
    public Optional<String> check(Scenario scenario) {
        LruCache<Integer, String> cache = new LruCache<>(scenario.capacity());
        ModelLru<Integer, String> model = new ModelLru<>(scenario.capacity());
        List<Op> ops = scenario.ops();
        for (int i = 0; i < ops.size(); i++) {
            Op op = ops.get(i);
            String where = "at step " + (i + 1) + ", " + op;
            Object expected = op.applyTo(model);
            Object actual;
            try {
                actual = op.applyTo(cache);
            } catch (RuntimeException | StackOverflowError e) {
                return Optional.of(where + ": it threw " + e + " (expected to return " + expected + ")");
            }
            if (!Objects.equals(expected, actual)) {
                return Optional.of(where + ": [invariant: same results as the model] returned " + actual
                        + ", but should return " + expected + " (the keys should now be " + model.keys()
                        + ", least recently used first)");
            }
            Optional<String> broken = compareState(cache, model);
            if (broken.isPresent()) {
                return Optional.of("after step " + (i + 1) + ", " + op + ": " + broken.get());
            }
        }
        return Optional.empty();
    }

    /** Compares everything the cache shows; names the invariant that broke. */
    private static Optional<String> compareState(LruCache<Integer, String> cache, ModelLru<Integer, String> model) {
        List<Integer> expectedKeys = model.keys();
        List<Integer> actualKeys = cache.keys();
        int size = cache.size();
        if (size > cache.capacity()) {
            return Optional.of("[invariant: size never exceeds capacity] size() is " + size
                    + " but the capacity is " + cache.capacity());
        }
        if (!expectedKeys.equals(actualKeys)) {
            return Optional.of("[invariant: keys() in recency order, least recently used first] keys() should be "
                    + expectedKeys + ", but was " + actualKeys + explainKeys(expectedKeys, actualKeys));
        }
        if (size != expectedKeys.size()) {
            return Optional.of("[invariant: size() counts the entries] size() should be " + expectedKeys.size()
                    + ", but was " + size);
        }
        CacheStats expected = new CacheStats(model.hits(), model.misses(), model.evictions(), model.size(), model.capacity());
        CacheStats actual = cache.stats();
        if (!expected.equals(actual)) {
            return Optional.of("[invariant: counters match the model] stats() should be " + expected + ", but was " + actual);
        }
        return Optional.empty();
    }

    private static String explainKeys(List<Integer> expected, List<Integer> actual) {
        Set<Integer> missing = new LinkedHashSet<>(expected);
        actual.forEach(missing::remove);
        Set<Integer> extra = new LinkedHashSet<>(actual);
        expected.forEach(extra::remove);
        List<String> notes = new ArrayList<>();
        if (!missing.isEmpty()) {
            notes.add(join(missing) + " should still be cached");
        }
        if (!extra.isEmpty()) {
            notes.add(join(extra) + " should be gone (evicted or removed)");
        }
        if (notes.isEmpty()) {
            notes.add("the same keys, in the wrong order: the most recently used must come last");
        } else if (actual.size() != new LinkedHashSet<>(actual).size()) {
            notes.add("a key is listed twice");
        }
        return " (" + String.join("; ", notes) + ")";
    }

    private static String join(Set<Integer> keys) {
        return (keys.size() == 1 ? "key " : "keys ") + keys.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /**
     * Shorter sequences, simpler calls, a smaller capacity; and a loader that stores a key
     * split into the two plain calls it makes ({@code put}, then {@code computeIfAbsent}),
     * because three plain calls read more easily than two with a nested one. Every step
     * lowers the sum of call weights (plain 1, computeIfAbsent 2, with a storing loader 4)
     * or a key, a value or the capacity, so shrinking ends.
     */
    @Override
    public Stream<Scenario> shrink(Scenario scenario) {
        Stream<Scenario> shorter = Shrink.list(scenario.ops(), Op::simpler)
                .map(ops -> new Scenario(scenario.capacity(), ops));
        Stream<Scenario> split = IntStream.range(0, scenario.ops().size())
                .filter(i -> scenario.ops().get(i) instanceof ComputeStoring)
                .mapToObj(i -> {
                    ComputeStoring nested = (ComputeStoring) scenario.ops().get(i);
                    List<Op> ops = new ArrayList<>(scenario.ops());
                    ops.set(i, new Compute(nested.key(), nested.value()));
                    ops.add(i, new Put(nested.other(), nested.otherValue()));
                    return new Scenario(scenario.capacity(), ops);
                });
        Stream<Scenario> smaller = Shrink.towardZero(scenario.capacity())
                .map(capacity -> new Scenario(capacity, scenario.ops()));
        return Stream.of(shorter, split, smaller).flatMap(s -> s);
    }

    @Override
    public String describe(Scenario scenario) {
        if (scenario.ops().isEmpty()) {
            return "new LruCache(" + scenario.capacity() + "), before any call";
        }
        return "capacity " + scenario.capacity() + ": "
                + scenario.ops().stream().map(Op::toString).collect(Collectors.joining(", "));
    }
}
