package memolab.grader.selfcheck;

import static memolab.grader.Category.RULES;
import static memolab.grader.Category.FIBONACCI_VALUES;
import static memolab.grader.Category.MEMO_TIMING;
import static memolab.grader.Category.LRU_COST;
import static memolab.grader.Category.LRU_EXAMPLES;
import static memolab.grader.Category.LRU_SEQUENCES;
import static memolab.grader.Category.MEMO_COUNTERS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Collectors;
import memolab.grader.Category;
import memolab.grader.score.Score;
import memolab.grader.score.TestOutcome;
import java.util.ArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import memolab.grader.grading.GradingPlan;
import memolab.grader.grading.GradingResult;
import memolab.grader.grading.SubmissionGrader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every classic student bug in the corpus ({@code src/test/resources/corpus}) must lose
 * points exactly in the categories that name it (caught where it belongs, and nowhere
 * else), and as much as its severity says: a central bug costs more than a secondary one,
 * and a secondary one more than an edge case. Bugs that loop are among them: a test that
 * never returns costs its own points only. Each variant is graded as final grading grades
 * it (the grader, a JVM per submission, hidden tests included), and, where its code
 * returns from every test, also as the student's own run grades it (the visible suite in
 * one JVM): the two agree on every visible test. The points each loses, per category, are
 * written to {@code src/test/resources/deductions.md}, which the instructor guide quotes;
 * the build fails while that table is stale ({@code -Dmemolab.updateDocs=true} rewrites it).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public class CorpusTest {

    /** How much a bug should cost, as a course would defend it (docs/6-instructor-guide.md says why). */
    public enum Severity {
        CENTRAL("central", "central to LRU", 20, 45,
                "the lesson is about it: a cache that gets the recency order, eviction or recursion through it wrong "
                + "is not an LRU cache, whatever else works"),
        SECONDARY("secondary", "a secondary operation", 5, 12,
                "the cache works, but one promise of its contract does not hold"),
        EDGE("edge", "an edge case", 1, 4, "right for every ordinary use"),
        /** Breaks a rule of the exercise: the guards decide what it loses, not a range. */
        RULE("rule broken", "a rule of the exercise broken", 0, 100,
                "not a bug of this scale: the rule's guard decides (see the rubric in the README)"),
        NONE("none", "a correct solution", 0, 0, "nothing to lose");

        public final String label;
        public final String meaning;
        public final int min;
        public final int max;
        public final String why;

        Severity(String label, String meaning, int min, int max, String why) {
            this.label = label;
            this.meaning = meaning;
            this.min = min;
            this.max = max;
            this.why = why;
        }
    }

    /** What a variant must lose: its severity, and the categories it loses points in. */
    public record Expected(Severity severity, Set<Category> categories) {
    }

    private static Map.Entry<String, Expected> bug(String name, Severity severity, Set<Category> categories) {
        return Map.entry(name, new Expected(severity, categories));
    }

    /**
     * Variant -> its severity and the categories it must lose points in (hidden tests
     * included). Where a bug reaches beyond its own category, the reason is given.
     */
    public static final Map<String, Expected> EXPECTED = new TreeMap<>(Map.ofEntries(
            bug("correct-compact", Severity.NONE, EnumSet.noneOf(Category.class)),
            bug("get-does-not-refresh", Severity.CENTRAL, EnumSet.of(LRU_EXAMPLES, LRU_SEQUENCES)),
            bug("put-existing-does-not-refresh", Severity.CENTRAL, EnumSet.of(LRU_EXAMPLES, LRU_SEQUENCES)),
            bug("evicts-newest", Severity.CENTRAL, EnumSet.of(LRU_EXAMPLES, LRU_SEQUENCES)),
            bug("evicts-on-overwrite-when-full", Severity.CENTRAL, EnumSet.of(LRU_EXAMPLES, LRU_SEQUENCES)),
            bug("off-by-one-capacity", Severity.CENTRAL, EnumSet.of(LRU_EXAMPLES, LRU_SEQUENCES)),
            // A cache that keeps every entry does none of the work the cost tests measure: they fail it too.
            bug("never-evicts", Severity.CENTRAL, EnumSet.of(LRU_EXAMPLES, LRU_SEQUENCES, LRU_COST)),
            // The hidden counter test runs capacity 0, where the cache throws under a correct memoizer too.
            bug("capacity-zero-crashes", Severity.EDGE, EnumSet.of(LRU_EXAMPLES, LRU_SEQUENCES, MEMO_COUNTERS)),
            // It crashes under the cost workload (a stale node is unlinked twice), so its cost cannot be measured.
            bug("stale-map-entry-after-eviction", Severity.CENTRAL,
                    EnumSet.of(LRU_EXAMPLES, LRU_SEQUENCES, LRU_COST, MEMO_COUNTERS)),
            bug("remove-leaves-dangling-node", Severity.SECONDARY, EnumSet.of(LRU_EXAMPLES, LRU_SEQUENCES)),
            bug("clear-keeps-counters", Severity.SECONDARY, EnumSet.of(LRU_EXAMPLES, LRU_SEQUENCES)),
            bug("containskey-refreshes", Severity.SECONDARY, EnumSet.of(LRU_EXAMPLES, LRU_SEQUENCES)),
            bug("put-counts-lookups", Severity.SECONDARY, EnumSet.of(LRU_EXAMPLES, LRU_SEQUENCES)),
            bug("evictions-not-counted", Severity.SECONDARY, EnumSet.of(LRU_EXAMPLES, LRU_SEQUENCES)),
            bug("keys-most-recent-first", Severity.SECONDARY, EnumSet.of(LRU_EXAMPLES, LRU_SEQUENCES)),
            bug("null-accepted", Severity.EDGE, EnumSet.of(LRU_EXAMPLES)),
            bug("negative-capacity-accepted", Severity.EDGE, EnumSet.of(LRU_EXAMPLES)),
            // Right answers, but not in O(1): the cost category judges it, and the lesson's other parts hold.
            bug("linear-scan", Severity.SECONDARY, EnumSet.of(LRU_COST)),
            // The shortcut rule guards the LRU categories: their passing tests are not counted.
            bug("linkedhashmap-subclass", Severity.RULE, EnumSet.of(RULES, LRU_EXAMPLES, LRU_SEQUENCES, LRU_COST)),
            // Recursion through HashMap.computeIfAbsent breaks every recursive use: fib cannot run at all.
            bug("hashmap-computeifabsent-recursion", Severity.CENTRAL,
                    EnumSet.of(LRU_EXAMPLES, LRU_SEQUENCES, FIBONACCI_VALUES, MEMO_COUNTERS, MEMO_TIMING)),
            // Not keeping the results in the LruCache breaks a rule that guards both memoization categories.
            bug("memo-bypasses-cache", Severity.RULE, EnumSet.of(MEMO_COUNTERS, MEMO_TIMING, RULES)),
            bug("memo-skips-base-cases", Severity.SECONDARY, EnumSet.of(MEMO_COUNTERS)),
            bug("memo-swaps-call-order", Severity.EDGE, EnumSet.of(MEMO_COUNTERS)),
            bug("long-overflow", Severity.SECONDARY, EnumSet.of(FIBONACCI_VALUES)),
            // A thread breaks a safety rule: final grading refuses the code, and the suite counts every category as 0.
            bug("big-stack-thread", Severity.RULE, EnumSet.allOf(Category.class)),
            // The state of a student with the cache done and the memoization not yet: fib(93) and fib(1000) never
            // return, and Fibonacci keeps nothing in its cache (the rule that guards both memoization categories).
            bug("fib-plain-recursion", Severity.CENTRAL, EnumSet.of(FIBONACCI_VALUES, MEMO_COUNTERS, MEMO_TIMING, RULES)),
            // Loops at capacity 1 only: the capacity-1 example, the edge-case sequences, and (a cascade the message
            // names) the hidden counter test at capacities 0 to 5.
            bug("capacity-one-loops", Severity.EDGE, EnumSet.of(LRU_EXAMPLES, LRU_SEQUENCES, MEMO_COUNTERS)),
            // Loops only where a remove empties the cache: two of the random sequences' parts reach that.
            bug("remove-last-loops", Severity.EDGE, EnumSet.of(LRU_SEQUENCES))));

    /** The variants whose code never returns from some test: the student's own run of them is proved on the template. */
    static final Set<String> LOOPING = Set.of("fib-plain-recursion", "capacity-one-loops", "remove-last-loops");

    /** The deductions table's file, which the instructor guide shows. */
    public static final Path DEDUCTIONS = Submissions.PROOFS.resolve("src/test/resources/deductions.md");

    /** Points lost per category, per variant, as this run measured them: the deductions table. */
    private static final Map<String, Map<Category, Integer>> LOST = new ConcurrentSkipListMap<>();

    @Test
    @DisplayName("the corpus has at least 15 buggy variants, each with its severity and expected categories")
    void corpusIsComplete() {
        assertThat(Submissions.corpusNames()).as("variants in src/test/resources/corpus")
                .containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
        assertThat(EXPECTED.values().stream().filter(e -> !e.categories().isEmpty()).count()).isGreaterThanOrEqualTo(15);
        Set<Category> caught = EXPECTED.values().stream().flatMap(e -> e.categories().stream()).collect(Collectors.toSet());
        assertThat(caught).as("categories that catch at least one variant").containsExactlyInAnyOrder(Category.values());
        assertThat(Severity.EDGE.max).as("an edge case always costs less than a secondary bug").isLessThan(Severity.SECONDARY.min);
        // Each .edit file declares its severity too: "Your tests" (final grading) weighs the bugs a student's tests catch by it.
        for (String variant : Submissions.corpusNames()) {
            Path edit = Submissions.CORPUS.resolve(variant + ".edit");
            if (Files.exists(edit)) {
                try {
                    assertThat(VariantEdit.parse(edit).edit().severity()).as("severity: line of %s.edit", variant)
                            .isEqualTo(EXPECTED.get(variant).severity().label.replace("rule broken", "rule"));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }
        assertThat(Severity.SECONDARY.max).as("a secondary bug always costs less than a central one").isLessThan(Severity.CENTRAL.min);
    }

    @TempDir
    static Path temp;

    /** Every variant as final grading grades it. */
    private final Map<String, GradingResult> graded = new ConcurrentSkipListMap<>();

    @BeforeAll
    @Timeout(1_200)
    void gradeTheCorpus() throws Exception {
        GradingPlan plan = GradingPlan.prepare(temp.resolve("plan"), true);
        SubmissionGrader grader = new SubmissionGrader(plan, temp.resolve("work"), true, 300);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<GradingResult>> results = new ArrayList<>();
            for (String variant : Submissions.corpusNames()) {
                Path submission = Submissions.materialize(temp.resolve("class"), variant,
                        Submissions.variantSources(Submissions.CORPUS, variant));
                results.add(pool.submit(() -> grader.grade(submission)));
            }
            for (Future<GradingResult> result : results) {
                graded.put(result.get().student(), result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("memolab.grader.selfcheck.Submissions#corpusNames")
    @DisplayName("each variant loses points exactly where its bug belongs, as much as its severity says")
    void variantLosesPointsWhereItsBugBelongs(String variant) {
        GradingResult result = graded.get(variant);
        assertThat(result).as("%s was graded", variant).isNotNull();
        Score score = result.score();
        Map<Category, Integer> lostPoints = new EnumMap<>(Category.class);
        score.lost().forEach(o -> lostPoints.merge(o.category(), o.points() - o.earned(), Integer::sum));
        LOST.put(variant, lostPoints);
        Expected expected = EXPECTED.get(variant);
        assertThat(lostPoints.keySet()).as("categories where %s lost points; the failed tests were:%n%s", variant, describe(score))
                .isEqualTo(expected.categories());
        int total = score.possible() - score.earned();
        assertThat(total).as("points %s (%s: %s) loses in all; the failed tests were:%n%s", variant,
                expected.severity().label, expected.severity().meaning, describe(score))
                .isBetween(expected.severity().min, expected.severity().max);
    }

    static List<String> returningVariants() {
        return Submissions.corpusNames().stream().filter(v -> !LOOPING.contains(v)).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("returningVariants")
    @DisplayName("final grading and the student's own run give every visible test the same outcome")
    void finalGradingAgreesWithTheStudentsRun(String variant) {
        Score student = Submissions.grade(Submissions.compileVariant(Submissions.CORPUS, variant), false);
        // Points earned, test by test, the rules' guards applied: a submission that final grading refuses (a safety
        // rule broken) earns 0 in every test there, as every test is voided in the student's run.
        Map<String, Integer> studentRun = new TreeMap<>();
        student.outcomes().forEach(o -> studentRun.put(o.testClass() + "#" + o.testMethod(), o.earned()));
        Map<String, Integer> finalGrading = new TreeMap<>();
        graded.get(variant).score().outcomes().stream().filter(o -> !o.hidden())
                .forEach(o -> finalGrading.put(o.testClass() + "#" + o.testMethod(), o.earned()));
        assertThat(finalGrading).as("%s: the points each visible test earned in final grading (left) and in the student's "
                + "run; the student's run lost:%n%s", variant, describe(student)).isEqualTo(studentRun);
    }

    @Test
    @DisplayName("a test that never returns names what the code was doing: plain recursion is named as such")
    void loopsAreNamed() {
        GradingResult plain = graded.get("fib-plain-recursion");
        assertThat(plain.status()).isEqualTo(GradingResult.Status.GRADED);
        assertThat(plain.outcomes()).filteredOn(o -> o.displayName().startsWith("fib(0) to fib(93)")).singleElement()
                .satisfies(o -> assertThat(o.message()).contains("Fibonacci.fib calls itself without going through its cache",
                        "more than 10^19").doesNotContain("endless loop"));
        assertThat(plain.problems()).anySatisfy(p -> assertThat(p).contains("tests stopped the JVM that ran them",
                "costs its own points and no others"));
        GradingResult loop = graded.get("capacity-one-loops");
        assertThat(loop.outcomes()).filteredOn(o -> o.displayName().equals("capacity 1 keeps only the last key stored"))
                .singleElement().satisfies(o -> assertThat(o.message()).contains("Still running LruCache.evictFirst",
                        "an endless loop?"));
        // The fresh JVM after it runs the category it looped in last, and JUnit says nothing of that order among what the
        // code printed (it did, as an "ineffective @Order", while the order that runs classes last was not an @Order one).
        assertThat(graded.get("remove-last-loops").output()).isEmpty();
    }

    @Test
    @DisplayName("a bug loses the random-sequence tests of the parts it breaks: a put that does not refresh a present key "
            + "keeps containsKey's (whose puts are of new keys), a containsKey that refreshes loses them")
    void sequencePartsStandApart() {
        java.util.function.Predicate<TestOutcome> peek = o -> o.category() == LRU_SEQUENCES && o.displayName().startsWith("containsKey is a peek");
        assertThat(graded.get("put-existing-does-not-refresh").outcomes()).filteredOn(peek).hasSize(2)
                .allSatisfy(o -> assertThat(o.earned()).as(o.displayName() + ": " + o.message()).isEqualTo(o.points()));
        assertThat(graded.get("containskey-refreshes").outcomes()).filteredOn(peek).hasSize(2)
                .allSatisfy(o -> assertThat(o.earned()).as(o.displayName()).isZero());
    }

    @Test
    @DisplayName("where a cache bug costs points in a Fibonacci category too, the message says it comes from LruCache")
    void cascadesSaySo() {
        Score score = graded.get("hashmap-computeifabsent-recursion").score();
        List<TestOutcome> fibonacci = score.lost().stream()
                .filter(o -> o.category() == FIBONACCI_VALUES || o.category() == MEMO_COUNTERS).toList();
        assertThat(fibonacci).as("tests of categories 4 and 5 that the cache bug fails").isNotEmpty()
                .allSatisfy(o -> assertThat(o.message()).as(o.displayName()).containsAnyOf(
                        "This comes from your LruCache, which Fibonacci runs on, so it costs points here too",
                        "This comes from LruCache, not Fibonacci, and costs points here too"));
    }

    /** The deductions table, from this run; compared with (or, with -Dmemolab.updateDocs=true, written to) its file. */
    @AfterAll
    static void deductionsTableIsCurrent() throws IOException {
        if (LOST.size() < EXPECTED.size()) {
            return; // a partial run (one variant chosen) cannot make the whole table
        }
        String table = deductionsTable();
        Path file = DEDUCTIONS;
        if (Boolean.getBoolean("memolab.updateDocs")) {
            Files.writeString(file, table, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "")
                .as("%s is stale: run the corpus with -Dmemolab.updateDocs=true and review the diff", file)
                .isEqualTo(table);
    }

    static String deductionsTable() {
        StringBuilder md = new StringBuilder("| bug | severity |");
        for (Category category : Category.values()) {
            md.append(' ').append(category.number()).append(" |");
        }
        md.append(" total lost | of the grade |\n|---|---|");
        md.append("---:|".repeat(Category.values().length)).append("---:|---:|\n");
        memolab.grader.grading.Rubric rubric = memolab.grader.grading.Rubric.course();
        List<String> order = EXPECTED.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Expected> e) -> e.getValue().severity())
                        .thenComparing(e -> -LOST.get(e.getKey()).values().stream().mapToInt(Integer::intValue).sum())
                        .thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey).toList();
        for (String name : order) {
            Map<Category, Integer> lost = LOST.get(name);
            md.append("| `").append(name).append("` | ").append(EXPECTED.get(name).severity().label).append(" |");
            for (Category category : Category.values()) {
                int points = lost.getOrDefault(category, 0);
                md.append(' ').append(points == 0 ? "" : String.valueOf(points)).append(" |");
            }
            int total = lost.values().stream().mapToInt(Integer::intValue).sum();
            md.append(' ').append(total).append(" | ").append(memolab.grader.grading.Rubric.points(rubric.weighted(total))).append(" |\n");
        }
        return md.toString();
    }

    private static String describe(Score score) {
        return score.lost().stream()
                .map(o -> "  [" + o.category() + "] " + o.displayName() + ": " + o.message().lines().findFirst().orElse(""))
                .collect(Collectors.joining("\n"));
    }
}
