package memolab.grader;

/**
 * The rubric: every graded test belongs to one category, and the score table adds points
 * up per category. The order here is the order of the table.
 */
public enum Category {
    LRU_EXAMPLES("LRU behaviour: examples",
            "get, put, remove, clear, keys() and the counters on small, hand-picked cases"),
    LRU_PROPERTIES("LRU behaviour: random sequences",
            "long random sequences of calls, compared step by step with a simple model cache"),
    LRU_COMPLEXITY("LRU cost per call",
            "the time per call must not grow with the capacity (expected O(1))"),
    FIB_CORRECTNESS("Fibonacci values",
            "fib(0) to fib(93), fib(1000), and negative n"),
    MEMO_FINGERPRINT("Memoization counters",
            "hits, misses and entries after fib(36), which match Python's lru_cache exactly"),
    FIB_TIMING("Memoized vs naive time",
            "the memoized fib(n) must beat the plain recursion by a large factor"),
    ARCHITECTURE("Rules of the exercise",
            "no LinkedHashMap, no side effects, Fibonacci uses LruCache");

    private final String title;
    private final String checks;

    Category(String title, String checks) {
        this.title = title;
        this.checks = checks;
    }

    /** A short name for tables and messages. */
    public String title() {
        return title;
    }

    /** One line on what the category's tests check, for a student. */
    public String checks() {
        return checks;
    }

    /** The 1-based number shown in the table. */
    public int number() {
        return ordinal() + 1;
    }
}
