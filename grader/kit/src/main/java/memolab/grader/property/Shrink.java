package memolab.grader.property;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** Ready-made shrinking steps for the parts a case is made of. */
public final class Shrink {

    private Shrink() {
    }

    /**
     * Shorter and simpler lists: first the list with a run of elements removed (halves,
     * then quarters, and so on down to single elements, which finds a short failing
     * sequence fast), then the list with one element replaced by a simpler one.
     */
    public static <T> Stream<List<T>> list(List<T> list, Function<T, Stream<T>> simpler) {
        Stream<List<T>> removals = Stream.iterate(list.size() / 2, chunk -> chunk >= 1, chunk -> chunk / 2)
                .flatMap(chunk -> IntStream.iterate(list.size() - chunk, start -> start >= 0, start -> start - chunk)
                        .mapToObj(start -> without(list, start, chunk)));
        Stream<List<T>> lastOne = list.size() == 1 ? Stream.of(List.of()) : Stream.empty();
        Stream<List<T>> simplified = IntStream.range(0, list.size()).boxed()
                .flatMap(i -> simpler.apply(list.get(i)).map(element -> replaced(list, i, element)));
        return Stream.of(lastOne, removals, simplified).flatMap(s -> s);
    }

    /** Smaller non-negative ints: 0 first, then halfway, then one less. */
    public static Stream<Integer> towardZero(int value) {
        if (value <= 0) {
            return Stream.empty();
        }
        return Stream.of(0, value / 2, value - 1).distinct().filter(v -> v < value);
    }

    private static <T> List<T> without(List<T> list, int start, int count) {
        List<T> copy = new ArrayList<>(list.subList(0, start));
        copy.addAll(list.subList(start + count, list.size()));
        return copy;
    }

    private static <T> List<T> replaced(List<T> list, int index, T element) {
        List<T> copy = new ArrayList<>(list);
        copy.set(index, element);
        return copy;
    }
}
