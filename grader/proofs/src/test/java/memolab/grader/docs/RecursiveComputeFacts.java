package memolab.grader.docs;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Chapter 5's table of what a recursive Fibonacci does through each library's compute, and what
 * Caffeine's reset and a loader's {@code null} do: run on the JDK and the Caffeine version of this
 * build (the one the benchmarks compare with), every time the docs are checked, so the chapter
 * quotes what happened instead of what a page says.
 */
final class RecursiveComputeFacts {

    /** The arguments tried: a small one, and one large enough for two keys to meet in one of the table's bins. */
    private static final int[] ARGUMENTS = {10, 30};

    private RecursiveComputeFacts() {
    }

    static String table() {
        StringBuilder out = new StringBuilder();
        // The same on every JDK the build runs on (17, and 25 in CI): the docs check compares this text on each.
        out.append(String.format("Run by the docs checks of every build (on Java 17, and on Java 25 in CI) with Caffeine %s, "
                + "the version the benchmarks use:%n%n", caffeineVersion()));
        out.append("| a recursive `fib` through | fib(10) | fib(30) |\n|---|---|---|\n");
        row(out, "`HashMap.computeIfAbsent`", n -> {
            Map<Integer, Long> map = new HashMap<>();
            return new Recursion().through(map::computeIfAbsent, n);
        });
        row(out, "`ConcurrentHashMap.computeIfAbsent`", n -> {
            Map<Integer, Long> map = new ConcurrentHashMap<>();
            return new Recursion().through(map::computeIfAbsent, n);
        });
        row(out, "Caffeine's `Cache.get(key, loader)`", n -> {
            Cache<Integer, Long> cache = Caffeine.newBuilder().maximumSize(128).executor(Runnable::run).build();
            return new Recursion().through(cache::get, n);
        });
        row(out, "Caffeine's `LoadingCache.get(key)`", n -> {
            Recursion recursion = new Recursion();
            LoadingCache<Integer, Long> cache = Caffeine.newBuilder().maximumSize(128).executor(Runnable::run)
                    .build(recursion::body);
            return recursion.through((key, ignored) -> cache.get(key), n);
        });
        out.append("| look-up, then `put` (your `computeIfAbsent`, on a `HashMap` here) | ");
        Map<Integer, Long> map = new HashMap<>();
        Recursion lookUpThenPut = new Recursion();
        List<String> cells = new ArrayList<>();
        for (int n : ARGUMENTS) {
            cells.add(attempt(() -> lookUpThenPut.through((key, loader) -> {
                Long value = map.get(key);
                if (value == null) {
                    value = loader.apply(key);
                    map.put(key, value);
                }
                return value;
            }, n)));
        }
        out.append(String.join(" | ", cells)).append(" |\n\n");

        Cache<Integer, Integer> counted = Caffeine.newBuilder().maximumSize(128).recordStats()
                .executor(Runnable::run).build();
        counted.get(1, key -> 1);
        counted.getIfPresent(1);
        counted.getIfPresent(2);
        CacheStats before = counted.stats();
        counted.invalidateAll();
        CacheStats after = counted.stats();
        out.append(String.format("Caffeine's `invalidateAll()` empties the cache (estimated size %d after it) but keeps "
                        + "its statistics: %d hit%s and %d misses before it, %d and %d after. ",
                counted.estimatedSize(), before.hitCount(), before.hitCount() == 1 ? "" : "s", before.missCount(),
                after.hitCount(), after.missCount()));
        Cache<Integer, Integer> nulls = Caffeine.newBuilder().maximumSize(128).build();
        Integer loaded = nulls.get(7, key -> null);
        out.append(String.format("A loader that returns `null` makes `get(key, loader)` return %s and stores nothing "
                + "(estimated size %d), and `put(key, null)` throws %s.%n", loaded, nulls.estimatedSize(),
                attempt(() -> {
                    nulls.put(1, null);
                    return "nothing";
                })));
        return out.toString();
    }

    private static void row(StringBuilder out, String through, IntFunction<Long> fib) {
        out.append("| ").append(through);
        for (int n : ARGUMENTS) {
            out.append(" | ").append(attempt(() -> fib.apply(n)));
        }
        out.append(" |\n");
    }

    /** The value, or the exception's simple name and message: "`IllegalStateException`: Recursive update". */
    private static String attempt(Callable<?> call) {
        try {
            return String.valueOf(call.call());
        } catch (Exception e) {
            return "`" + e.getClass().getSimpleName() + "`" + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
    }

    private static String caffeineVersion() {
        String version = Caffeine.class.getPackage().getImplementationVersion();
        if (version != null) {
            return version;
        }
        String jar = Caffeine.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        return jar.replaceAll(".*/caffeine-([^/]+)\\.jar$", "$1");
    }

    /** fib(n) on long, each call through a compute-like function of (key, loader). */
    private static final class Recursion {
        private ComputeFunction compute;

        Long through(ComputeFunction compute, int n) {
            this.compute = compute;
            return compute.apply(n, this::body);
        }

        Long body(int k) {
            return k < 2 ? (long) k : compute.apply(k - 1, this::body) + compute.apply(k - 2, this::body);
        }
    }

    @FunctionalInterface
    private interface ComputeFunction {
        Long apply(Integer key, Function<Integer, Long> loader);
    }
}
