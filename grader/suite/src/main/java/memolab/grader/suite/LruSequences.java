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
 * The stateful properties of category 2, one per {@link Part} of the contract: a random
 * sequence of that part's calls on a fresh {@code LruCache} gives, after every call, the same
 * result as {@link ModelLru} and the same state in what the part watches (the keys held,
 * keys() in order, or counters that count what the cache did).
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

        /** The keys the call names. */
        IntStream keys();

        /** The same call with each key {@code k} replaced by {@code to.applyAsInt(k)}. */
        Op renamed(java.util.function.IntUnaryOperator to);
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

        public IntStream keys() {
            return IntStream.of(key);
        }

        public Op renamed(java.util.function.IntUnaryOperator to) {
            return new Put(to.applyAsInt(key), value);
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

        public IntStream keys() {
            return IntStream.of(key);
        }

        public Op renamed(java.util.function.IntUnaryOperator to) {
            return new Get(to.applyAsInt(key));
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

        public IntStream keys() {
            return IntStream.of(key);
        }

        public Op renamed(java.util.function.IntUnaryOperator to) {
            return new ContainsKey(to.applyAsInt(key));
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

        public IntStream keys() {
            return IntStream.of(key);
        }

        public Op renamed(java.util.function.IntUnaryOperator to) {
            return new Remove(to.applyAsInt(key));
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

        public IntStream keys() {
            return IntStream.of(key);
        }

        public Op renamed(java.util.function.IntUnaryOperator to) {
            return new Compute(to.applyAsInt(key), value);
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

        public IntStream keys() {
            return IntStream.of(key, other);
        }

        public Op renamed(java.util.function.IntUnaryOperator to) {
            return new ComputeStoring(to.applyAsInt(key), value, to.applyAsInt(other), otherValue);
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

        public IntStream keys() {
            return IntStream.empty();
        }

        public Op renamed(java.util.function.IntUnaryOperator to) {
            return this;
        }

        @Override
        public String toString() {
            return "clear()";
        }
    }

    /** {@code computeIfAbsent(key, k -> null)}: a loader with nothing to store. */
    record ComputeNull(int key) implements Op {
        public Object applyTo(LruCache<Integer, String> cache) {
            return cache.computeIfAbsent(key, k -> null);
        }

        public Object applyTo(ModelLru<Integer, String> model) {
            return model.computeIfAbsent(key, k -> null);
        }

        public Stream<Op> simpler() {
            return Stream.concat(Stream.of(new Get(key)), Shrink.towardZero(key).map(ComputeNull::new));
        }

        public IntStream keys() {
            return IntStream.of(key);
        }

        public Op renamed(java.util.function.IntUnaryOperator to) {
            return new ComputeNull(to.applyAsInt(key));
        }

        @Override
        public String toString() {
            return "computeIfAbsent(" + key + ", k -> null)";
        }
    }

    /** {@code computeIfAbsent(key, k -> { throw ... })}: the exception must reach the caller. */
    record ComputeThrowing(int key) implements Op {
        /** What both the cache and the model "return" when the loader's exception reached the caller, as it must. */
        static final String THREW = "(the loader's exception)";

        public Object applyTo(LruCache<Integer, String> cache) {
            try {
                return cache.computeIfAbsent(key, k -> {
                    throw new LoaderFailure();
                });
            } catch (LoaderFailure expected) {
                return THREW;
            }
        }

        public Object applyTo(ModelLru<Integer, String> model) {
            try {
                return model.computeIfAbsent(key, k -> {
                    throw new LoaderFailure();
                });
            } catch (LoaderFailure expected) {
                return THREW;
            }
        }

        public Stream<Op> simpler() {
            return Stream.concat(Stream.of(new Get(key)), Shrink.towardZero(key).map(ComputeThrowing::new));
        }

        public IntStream keys() {
            return IntStream.of(key);
        }

        public Op renamed(java.util.function.IntUnaryOperator to) {
            return new ComputeThrowing(to.applyAsInt(key));
        }

        @Override
        public String toString() {
            return "computeIfAbsent(" + key + ", k -> { throw new IllegalStateException(); })";
        }
    }

    /** The loader's own exception, told apart from any other the cache might throw. */
    static final class LoaderFailure extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        LoaderFailure() {
            super("the loader failed (on purpose)");
        }
    }

    /** A fresh cache of a capacity, then the calls in order. */
    record Scenario(int capacity, List<Op> ops) {
    }

    /** What a part compares after every call, besides the call's result. */
    enum Watch {
        /** The cached keys as a set, and size(): which entries are there, whatever the order keys() lists them in. */
        KEY_SET,
        /** keys() exactly, in recency order. */
        KEY_ORDER,
        /** stats() against what the cache itself did: a hit for each get that found its key, and so on. */
        OWN_COUNTERS,
        /** keys() exactly, and stats() against the model's. */
        EVERYTHING
    }

    /**
     * A part of the contract: the calls drawn, the capacities, whether the keys outnumber the
     * room (so that entries get evicted), and what is compared. A bug fails the parts it
     * breaks, not every part: a part without eviction pressure never shows a recency bug,
     * and only one part looks at the order keys() lists.
     */
    enum Part {
        RECENCY("recency and eviction, with get and put", 2, true, false, Watch.KEY_SET,
                new int[] {50, 50, 0, 0, 0, 0, 0, 0, 0, 0}),
        KEY_ORDER("keys() in recency order, with get and put", 2, true, false, Watch.KEY_ORDER,
                new int[] {50, 50, 0, 0, 0, 0, 0, 0, 0, 0}),
        /**
         * Puts of keys the cache does not hold only: the recency order then follows from the
         * puts alone, and only a containsKey that moves its key can change what is evicted (a
         * put that forgets to refresh a present key loses the parts with get and put, not this).
         */
        PEEK("containsKey as a peek, with put of new keys and containsKey", 2, true, true, Watch.KEY_SET,
                new int[] {50, 0, 50, 0, 0, 0, 0, 0, 0, 0}),
        REMOVE("remove, with put and get, in a cache with room to spare", 2, false, false, Watch.KEY_SET,
                new int[] {40, 30, 0, 30, 0, 0, 0, 0, 0, 0}),
        LOADERS("computeIfAbsent with plain, storing, null and failing loaders, in a cache with room to spare", 2,
                false, false, Watch.KEY_SET, new int[] {20, 20, 0, 0, 25, 15, 10, 10, 0, 0}),
        COUNTERS("the counters, and clear", 2, true, false, Watch.OWN_COUNTERS,
                new int[] {30, 35, 10, 0, 20, 0, 0, 0, 5, 0}),
        EDGES("capacities 0 and 1, every call", 0, true, false, Watch.EVERYTHING,
                new int[] {25, 25, 10, 10, 10, 5, 5, 5, 5, 0});

        final String title;
        final int minCapacity;
        final boolean pressure;
        /** Whether every put is of a key the cache does not hold (in the sequences drawn, and in those shrunk). */
        final boolean newKeysOnly;
        final Watch watch;
        /** Weights of put, get, containsKey, remove, compute, storing compute, null compute, failing compute, clear. */
        final int[] weights;

        Part(String title, int minCapacity, boolean pressure, boolean newKeysOnly, Watch watch, int[] weights) {
            this.title = title;
            this.minCapacity = minCapacity;
            this.pressure = pressure;
            this.newKeysOnly = newKeysOnly;
            this.watch = watch;
            this.weights = weights;
        }
    }

    private static final String[] VALUES = {"a", "b", "c", "d", "e"};

    private final Part part;
    private final int maxCapacity;
    private final int maxSteps;

    /**
     * @param part        the part of the contract: which calls, capacities and observations
     * @param maxCapacity capacities are drawn from the part's smallest to this (at most 1 for {@link Part#EDGES})
     * @param maxSteps    sequences have 1 to this many calls
     */
    LruSequences(Part part, int maxCapacity, int maxSteps) {
        this.part = part;
        this.maxCapacity = part == Part.EDGES ? 1 : maxCapacity;
        this.maxSteps = maxSteps;
    }

    @Override
    public Scenario generate(Random random) {
        int capacity = part.minCapacity + random.nextInt(maxCapacity - part.minCapacity + 1);
        // With pressure, a few more keys than room, so that evictions happen; without, never more keys than room.
        int keys = part.pressure ? capacity + 2 : Math.max(1, capacity);
        int steps = 1 + random.nextInt(maxSteps);
        int total = java.util.Arrays.stream(part.weights).sum();
        List<Op> ops = new ArrayList<>(steps);
        ModelLru<Integer, String> held = part.newKeysOnly ? new ModelLru<>(capacity) : null;
        for (int i = 0; i < steps; i++) {
            int key = random.nextInt(keys);
            String value = VALUES[random.nextInt(VALUES.length)];
            int roll = random.nextInt(total);
            int kind = 0;
            while (roll >= part.weights[kind]) {
                roll -= part.weights[kind];
                kind++;
            }
            if (held != null && kind == 0) {
                while (held.containsKey(key)) { // with pressure the keys outnumber the room: one is not held
                    key = (key + 1) % keys;
                }
            }
            ops.add(switch (kind) {
                case 0 -> new Put(key, value);
                case 1 -> new Get(key);
                case 2 -> new ContainsKey(key);
                case 3 -> new Remove(key);
                case 4 -> new Compute(key, value);
                case 5 -> new ComputeStoring(key, value, random.nextInt(keys), VALUES[random.nextInt(VALUES.length)]);
                case 6 -> new ComputeNull(key);
                case 7 -> new ComputeThrowing(key);
                default -> new Clear();
            });
            if (held != null) {
                ops.get(i).applyTo(held);
            }
        }
        return new Scenario(capacity, ops);
    }

    @Override
    public Optional<String> check(Scenario scenario) {
        LruCache<Integer, String> cache = new LruCache<>(scenario.capacity());
        ModelLru<Integer, String> model = new ModelLru<>(scenario.capacity());
        OwnCounters own = new OwnCounters();
        List<Op> ops = scenario.ops();
        for (int i = 0; i < ops.size(); i++) {
            Op op = ops.get(i);
            if (part.newKeysOnly && op instanceof Put put && model.containsKey(put.key())) {
                return Optional.empty(); // not a case of this part: a shorter sequence the shrinker tried
            }
            Object expected = op.applyTo(model);
            if (part.watch == Watch.OWN_COUNTERS) {
                Optional<String> odd;
                try {
                    odd = own.look(cache, scenario.capacity());
                } catch (RuntimeException | StackOverflowError e) {
                    // Not the step's fault: what threw is a method the test reads the state with.
                    return Optional.of("before step " + (i + 1) + ", " + op + ": reading the cache's state (keys(), size()) "
                            + "threw " + e);
                }
                if (odd.isPresent()) {
                    return Optional.of("before step " + (i + 1) + ", " + op + ": " + odd.get());
                }
            }
            Object actual;
            try {
                actual = part.watch == Watch.OWN_COUNTERS ? own.apply(op, cache) : op.applyTo(cache);
            } catch (RuntimeException | StackOverflowError e) {
                return Optional.of("at step " + (i + 1) + ", " + op + ": it threw " + e + (op instanceof Put || op instanceof Clear
                        ? " (expected to return normally)" : " (expected to return " + expected + ")"));
            }
            if (part.watch != Watch.OWN_COUNTERS && !Objects.equals(expected, actual)) {
                return Optional.of("at step " + (i + 1) + ", " + op + ": [invariant: same results as the model] returned " + actual
                        + ", but should return " + expected + " (the keys should now be " + model.keys()
                        + ", least recently used first)");
            }
            Optional<String> broken;
            try {
                broken = part.watch == Watch.OWN_COUNTERS ? own.compare(cache) : compareState(cache, model, part.watch);
            } catch (RuntimeException | StackOverflowError e) {
                // The step itself returned: what threw is a method the test reads the state with, not the step's.
                return Optional.of("after step " + (i + 1) + ", " + op + ", which returned " + actual + ": reading the "
                        + "cache's state (keys(), size(), stats()) threw " + e);
            }
            if (broken.isPresent()) {
                return Optional.of("after step " + (i + 1) + ", " + op + ": " + broken.get());
            }
        }
        return Optional.empty();
    }

    /**
     * The counters the cache should show for what it did itself, whatever it evicted: a hit
     * for each look-up that found its key, a miss for each that did not, an eviction for each
     * new key stored while full. So a cache that evicts the wrong entry can still count right.
     */
    private static final class OwnCounters {
        long hits;
        long misses;
        long evictions;

        /** Whether the cache was full, and the keys it held, before the call {@link #apply} makes. */
        private boolean full;
        private java.util.Set<Integer> held = java.util.Set.of();

        /**
         * Reads what the cache holds before a call, to know what the call should count: through
         * keys() and size(), as every part reads the state, not containsKey, so that a cache whose
         * containsKey is not written yet fails at its own calls, not at every put; the capacity is
         * the case's. What the cache says of itself must hold together: what is wrong, if not.
         */
        Optional<String> look(LruCache<Integer, String> cache, int capacity) {
            List<Integer> keys = cache.keys();
            int size = cache.size();
            held = new java.util.HashSet<>(keys);
            if (size != keys.size() || held.size() != keys.size() || size > capacity) {
                return Optional.of("[invariant: size() is the number of keys keys() lists, each once, at most the capacity "
                        + capacity + "] size() was " + size + ", keys() listed " + keys);
            }
            full = capacity > 0 && size == capacity;
            return Optional.empty();
        }

        /** Applies {@code op} to the cache, as {@link #look} found it just before, and counts what it should. */
        Object apply(Op op, LruCache<Integer, String> cache) {
            if (op instanceof Get get) {
                String result = cache.get(get.key());
                if (result != null) {
                    hits++;
                } else {
                    misses++;
                }
                return result;
            }
            if (op instanceof Put put) {
                boolean present = held.contains(put.key());
                Object result = op.applyTo(cache);
                if (!present && full) {
                    evictions++;
                }
                return result;
            }
            if (op instanceof Compute compute) {
                boolean present = held.contains(compute.key());
                Object result = op.applyTo(cache);
                if (present) {
                    hits++;
                } else {
                    misses++;
                    if (full) {
                        evictions++;
                    }
                }
                return result;
            }
            Object result = op.applyTo(cache);
            if (op instanceof Clear) {
                hits = 0;
                misses = 0;
                evictions = 0;
            }
            return result;
        }

        Optional<String> compare(LruCache<Integer, String> cache) {
            CacheStats expected = new CacheStats(hits, misses, evictions, cache.size(), cache.capacity());
            CacheStats actual = cache.stats();
            if (!expected.equals(actual)) {
                return Optional.of("[invariant: the counters count what the cache did: a hit for each look-up that found "
                        + "its key, a miss for each that did not, an eviction for each new key stored while full, all "
                        + "three back to 0 on clear()] stats() should be " + expected + ", but was " + actual);
            }
            return Optional.empty();
        }
    }

    /** Compares what the part watches; names the invariant that broke. */
    private static Optional<String> compareState(LruCache<Integer, String> cache, ModelLru<Integer, String> model, Watch watch) {
        List<Integer> expectedKeys = model.keys();
        List<Integer> actualKeys = cache.keys();
        int size = cache.size();
        if (size > cache.capacity()) {
            return Optional.of("[invariant: size never exceeds capacity] size() is " + size
                    + " but the capacity is " + cache.capacity());
        }
        if (watch == Watch.KEY_SET && !expectedKeys.equals(actualKeys) // the same list holds the same keys: no sets to build
                && !new java.util.HashSet<>(expectedKeys).equals(new java.util.HashSet<>(actualKeys))) {
            return Optional.of("[invariant: the cache holds the right keys] keys() should hold " + sorted(expectedKeys)
                    + ", but held " + sorted(actualKeys) + explainKeys(expectedKeys, actualKeys));
        }
        if (watch != Watch.KEY_SET && !expectedKeys.equals(actualKeys)) {
            return Optional.of("[invariant: keys() in recency order, least recently used first] keys() should be "
                    + expectedKeys + ", but was " + actualKeys + explainKeys(expectedKeys, actualKeys));
        }
        if (size != expectedKeys.size()) {
            return Optional.of("[invariant: size() counts the entries] size() should be " + expectedKeys.size()
                    + ", but was " + size);
        }
        if (watch != Watch.EVERYTHING) {
            return Optional.empty();
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

    private static List<Integer> sorted(List<Integer> keys) {
        return keys.stream().sorted().toList();
    }

    private static String join(Set<Integer> keys) {
        return (keys.size() == 1 ? "key " : "keys ") + keys.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /**
     * Shorter sequences, simpler calls, a smaller capacity; and a loader that stores a key
     * split into the two plain calls it makes ({@code put}, then {@code computeIfAbsent}),
     * because three plain calls read more easily than two with a nested one. Every step
     * lowers the sum of call weights (plain 1, computeIfAbsent 2, with a storing loader 4),
     * a value or the capacity, or makes the sequence of keys smaller read left to right (a key
     * lowered, or the keys renamed in order of first appearance), so shrinking ends.
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
        // A smaller capacity only where the part allows it: not below its smallest, and, without
        // eviction pressure, never below the number of keys (or entries would be evicted).
        int floor = part.pressure ? part.minCapacity : Math.max(part.minCapacity, maxKey(scenario.ops()) + 1);
        Stream<Scenario> smaller = Shrink.towardZero(scenario.capacity()).filter(capacity -> capacity >= floor)
                .map(capacity -> new Scenario(capacity, scenario.ops()));
        return Stream.of(renumbered(scenario), shorter, split, smaller).flatMap(s -> s);
    }

    /**
     * The same calls with the keys renamed 0, 1, 2, ... in the order they first appear, if
     * that changes anything: {@code put(0, a), put(1, a), get(0)} reads more easily than
     * {@code put(5, a), put(0, a), get(5)}, and says the same.
     */
    private static Stream<Scenario> renumbered(Scenario scenario) {
        java.util.Map<Integer, Integer> names = new java.util.HashMap<>();
        scenario.ops().forEach(op -> op.keys().forEach(k -> names.putIfAbsent(k, names.size())));
        if (names.entrySet().stream().allMatch(e -> e.getKey().equals(e.getValue()))) {
            return Stream.empty();
        }
        return Stream.of(new Scenario(scenario.capacity(), scenario.ops().stream().map(op -> op.renamed(names::get)).toList()));
    }

    private static int maxKey(List<Op> ops) {
        return ops.stream().flatMapToInt(Op::keys).max().orElse(0);
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
