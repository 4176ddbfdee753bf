package memolab.grader;

/**
 * The rubric: every graded test belongs to one category, and the score table adds points
 * up per category. The order here is the order of the table.
 */
public enum Category {
    LRU_EXAMPLES("LRU behaviour: examples",
            "get, put, remove, clear, keys() and the counters on small, hand-picked cases",
            "docs/2-lru-cache.md", "Operations and their cost"),
    LRU_SEQUENCES("LRU behaviour: random sequences",
            "random sequences of calls, one test per part of the contract (recency and eviction weigh most), compared step by step with a simple model cache",
            "docs/4-the-exercises.md", "Reading the feedback"),
    LRU_COST("LRU cost per call",
            "the time per call, and in final grading the steps of your code per call, must not grow with the capacity (expected O(1))",
            "docs/3-designing-lru-cache.md", "Two structures, each doing what it is good at"),
    FIBONACCI_VALUES("Fibonacci values",
            "fib(0) to fib(93), fib(1000), and negative n",
            "docs/1-memoization.md", "The naive recursion"),
    MEMO_COUNTERS("Memoization counters",
            "hits, misses and entries after fib(36), which match Python's lru_cache exactly",
            "docs/2-lru-cache.md", "The counters, and what the capacity does to them"),
    MEMO_TIMING("Memoized vs naive time",
            "the memoized fib(n) must beat the plain recursion by a large factor",
            "docs/1-memoization.md", "What caching the results buys"),
    RULES("Rules of the exercise",
            "no LinkedHashMap, no side effects, Fibonacci keeps its results in its LruCache",
            "docs/3-designing-lru-cache.md", "Why not `LinkedHashMap`?");

    private final String title;
    private final String checks;
    private final String docsPage;
    private final String docsSection;

    Category(String title, String checks, String docsPage, String docsSection) {
        this.title = title;
        this.checks = checks;
        this.docsPage = docsPage;
        this.docsSection = docsSection;
    }

    /** A short name for tables and messages. */
    public String title() {
        return title;
    }

    /** One line on what the category's tests check, for a student. */
    public String checks() {
        return checks;
    }

    /** The tutorial page that explains what this category checks, from the repository's top. */
    public String docsPage() {
        return docsPage;
    }

    /** The heading of that page's section to read. */
    public String docsSection() {
        return docsSection;
    }

    /** Where to read, for a student: {@code docs/2-lru-cache.md, "Operations and their cost"}. */
    public String readMore() {
        return docsPage + ", \"" + docsSection.replace("`", "") + "\"";
    }

    /** The 1-based number shown in the table. */
    public int number() {
        return ordinal() + 1;
    }
}
