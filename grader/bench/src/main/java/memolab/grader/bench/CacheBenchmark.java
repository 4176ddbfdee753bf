package memolab.grader.bench;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;
import memolab.LruCache;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Single-threaded cache throughput: the reference {@code LruCache} against a
 * {@code LinkedHashMap} in access order and Caffeine, on one key sequence with a Zipf-like
 * skew (a few keys are asked for very often, most rarely), at two capacities and three
 * mixes of reads and writes. One operation is a {@code get} or a {@code put}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CacheBenchmark {

    /** Operations per benchmark call: one call is too short to time. */
    static final int BATCH = 1024;
    /** The key sequence's length; it wraps around. */
    static final int TRACE = 1 << 20;
    /** Keys are drawn from this many times the capacity, so the cache must choose. */
    static final int KEY_SPACE_FACTOR = 4;
    /** Zipf exponent: about the skew of web and storage traces (YCSB uses 0.99). */
    static final double SKEW = 0.99;

    @Param({"LruCache", "LinkedHashMap", "Caffeine"})
    public String impl;

    @Param({"1000", "100000"})
    public int capacity;

    /** The share of puts: get-heavy 5 %, mixed 50 %, put-heavy 95 %. */
    @Param({"get-heavy", "mixed", "put-heavy"})
    public String workload;

    private Adapter cache;
    private Trace trace;
    private int next;

    /** The two calls the benchmark makes, whatever the cache. */
    record Adapter(Function<Integer, Integer> getter, BiConsumer<Integer, Integer> putter) {
        Integer get(Integer key) {
            return getter.apply(key);
        }

        void put(Integer key, Integer value) {
            putter.accept(key, value);
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        cache = adapter(impl, capacity);
        trace = Trace.of(capacity, workload);
        for (int i = 0; i < capacity * 2; i++) { // warm the cache up with the same distribution
            Integer key = trace.keys[i & (TRACE - 1)];
            cache.put(key, key);
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int operations() {
        int sum = 0;
        int i = next;
        for (int end = i + BATCH; i < end; i++) {
            int at = i & (TRACE - 1);
            Integer key = trace.keys[at];
            if (trace.puts[at]) {
                cache.put(key, key);
            } else {
                Integer value = cache.get(key);
                if (value != null) {
                    sum += value;
                }
            }
        }
        next = i;
        return sum;
    }

    static Adapter adapter(String impl, int capacity) {
        switch (impl) {
            case "LruCache": {
                LruCache<Integer, Integer> cache = new LruCache<>(capacity);
                return new Adapter(cache::get, cache::put);
            }
            case "LinkedHashMap": {
                Map<Integer, Integer> cache = new LinkedHashMap<>(16, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<Integer, Integer> eldest) {
                        return size() > capacity;
                    }
                };
                return new Adapter(cache::get, cache::put);
            }
            case "Caffeine": {
                // snippet:caffeine
                Cache<Integer, Integer> cache = Caffeine.newBuilder()
                        .maximumSize(capacity)
                        .executor(Runnable::run) // maintenance on the calling thread: a single-threaded comparison
                        .build();
                // end:caffeine
                return new Adapter(cache::getIfPresent, cache::put);
            }
            default:
                throw new IllegalArgumentException("no cache named " + impl);
        }
    }

    /** The keys (boxed up front: no allocation while timing) and which operations are puts. */
    static final class Trace {
        final Integer[] keys = new Integer[TRACE];
        final boolean[] puts = new boolean[TRACE];

        static Trace of(int capacity, String workload) {
            double putShare = switch (workload) {
                case "get-heavy" -> 0.05;
                case "mixed" -> 0.5;
                case "put-heavy" -> 0.95;
                default -> throw new IllegalArgumentException("no workload named " + workload);
            };
            Trace trace = new Trace();
            int keySpace = capacity * KEY_SPACE_FACTOR;
            double[] cumulative = new double[keySpace];
            double total = 0;
            for (int rank = 0; rank < keySpace; rank++) {
                total += 1 / Math.pow(rank + 1, SKEW);
                cumulative[rank] = total;
            }
            Random random = new Random(capacity * 31L + workload.hashCode());
            for (int i = 0; i < TRACE; i++) {
                int rank = java.util.Arrays.binarySearch(cumulative, random.nextDouble() * total);
                rank = rank >= 0 ? rank : Math.min(-rank - 1, keySpace - 1);
                // Spread the popular ranks over the key space, so that hot keys are not neighbours.
                trace.keys[i] = (int) ((rank * 2_654_435_761L) % keySpace);
                trace.puts[i] = random.nextDouble() < putShare;
            }
            return trace;
        }
    }

    /** The share of gets that hit, replaying the benchmark's sequence once, after the same warm-up. */
    static double hitRatio(String impl, int capacity, String workload) {
        Adapter cache = adapter(impl, capacity);
        Trace trace = Trace.of(capacity, workload);
        for (int i = 0; i < capacity * 2; i++) {
            Integer key = trace.keys[i & (TRACE - 1)];
            cache.put(key, key);
        }
        long gets = 0;
        long hits = 0;
        for (int i = 0; i < TRACE; i++) {
            Integer key = trace.keys[i];
            if (trace.puts[i]) {
                cache.put(key, key);
            } else {
                gets++;
                if (cache.get(key) != null) {
                    hits++;
                }
            }
        }
        return gets == 0 ? 0 : (double) hits / gets;
    }
}
