package memolab.grader.suite;

/**
 * The cost tests' model of an LRU cache, for their large capacities: {@code capacity} entries
 * over the keys 0 to {@code bound} - 1, each stored with itself as its value (as every call of
 * theirs stores it), in a list linked through two arrays indexed by key. It answers as a
 * {@code LinkedHashMap} in access order whose eldest entry goes past the capacity (get, put and
 * computeIfAbsent refresh a key, containsKey does not), without such a map's boxed keys and
 * entries, which at a capacity of 250,000 the serial collector copied over and over. Uses no
 * class of the student's, and is public: the timing drivers ({@link CostWorkload},
 * {@link StepWorkload}) use it from the class loaders {@link WithoutAssertions} makes for
 * them, another runtime package.
 */
public final class IntLru {

    private final int capacity;
    private final int[] older;     // for a key held: the next older key (the head, past the oldest)
    private final int[] newer;     // for a key held: the next newer key (the head, past the newest)
    private final boolean[] held;
    private final int head;        // the list's sentinel, the index past the keys: newer[head] is the oldest key
    private int size;

    public IntLru(int capacity, int bound) {
        this.capacity = capacity;
        older = new int[bound + 1];
        newer = new int[bound + 1];
        held = new boolean[bound];
        head = bound;
        older[head] = head;
        newer[head] = head;
    }

    /** The value held for {@code key} (the key itself), which is then the most recently used; null when absent. */
    public Integer get(int key) {
        if (!held[key]) {
            return null;
        }
        unlink(key);
        linkNewest(key);
        return key;
    }

    /** Stores {@code key}, the most recently used now; past the capacity, the least recently used goes. */
    public void put(int key) {
        if (held[key]) {
            unlink(key);
        } else {
            held[key] = true;
            size++;
        }
        linkNewest(key);
        if (size > capacity) {
            remove(newer[head]);
        }
    }

    /** Whether {@code key} is held; its recency stays as it was. */
    public boolean containsKey(int key) {
        return held[key];
    }

    /** Takes {@code key} out: its value, or null when absent. */
    public Integer remove(int key) {
        if (!held[key]) {
            return null;
        }
        unlink(key);
        held[key] = false;
        size--;
        return key;
    }

    /** The value held for {@code key}, made the most recently used; stored first when absent (the key itself). */
    public Integer computeIfAbsent(int key) {
        if (get(key) == null) {
            put(key);
        }
        return key;
    }

    public int size() {
        return size;
    }

    private void unlink(int key) {
        newer[older[key]] = newer[key];
        older[newer[key]] = older[key];
    }

    private void linkNewest(int key) {
        int newest = older[head];
        older[key] = newest;
        newer[key] = head;
        newer[newest] = key;
        older[head] = key;
    }
}
