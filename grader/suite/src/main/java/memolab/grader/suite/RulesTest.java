package memolab.grader.suite;

import static memolab.grader.Category.RULES;

import java.util.List;
import memolab.grader.Graded;
import memolab.grader.Guard;
import memolab.grader.rules.ExerciseRules;
import memolab.grader.junit.OutcomeCollector;
import memolab.grader.rules.RuleViolation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Category 7: the rules of the exercise, checked on the student's compiled classes. The
 * rules themselves are in {@link ExerciseRules}; the {@link Guard} of each says what else
 * breaking it costs.
 *
 * <p>Runs first ({@code @Order(1)}): if student code ends the JVM in a later test, these
 * results are already in, and the score printed on exit says why the run stopped.
 */
@Order(1)
@DisplayName("Rules of the exercise")
@Timeout(30) // the first of these tests reads the classes, or waits for RulesReadEarly's reading: 2 s here, more on a slow machine
class RulesTest {

    @Test
    @Graded(category = RULES, points = 4, guards = Guard.LRU_BUILT_BY_HAND)
    @DisplayName("no LinkedHashMap or LinkedHashSet")
    void noLinkedHashMap() {
        // Any class of the submission, not only those LruCache names: a LinkedHashMap can reach
        // LruCache without its class being named (through a java.util.function interface).
        List<String> shortcut = StudentClasses.facts().shortcut();
        if (!shortcut.isEmpty()) {
            throw new RuleViolation(report("your classes use LinkedHashMap or LinkedHashSet", ExerciseRules.SHORTCUT, shortcut)
                    + "\nWhile they do, the LRU categories (" + Guard.LRU_BUILT_BY_HAND.guardedTitles() + ") earn nothing: "
                    + "their tests would grade LinkedHashMap's work, not yours.");
        }
        StudentClasses.requireWritten();
    }

    @Test
    @Graded(category = RULES, points = 2, guards = Guard.SAFE_TO_RUN)
    @DisplayName("only the JDK's classes: no cache library")
    void onlyTheJdk() {
        checkSafety("student_code_should_use_only_the_JDKs_java_classes");
    }

    @Test
    @Graded(category = RULES, points = 2, guards = Guard.SAFE_TO_RUN)
    @DisplayName("no System.exit and no Runtime")
    void noExit() {
        checkSafety("student_code_should_not_end_the_JVM");
    }

    @Test
    @Graded(category = RULES, points = 2, guards = Guard.SAFE_TO_RUN)
    @DisplayName("no reflection")
    void noReflection() {
        checkSafety("student_code_should_not_use_reflection_or_inspect_the_stack");
    }

    @Test
    @Graded(category = RULES, points = 2, guards = Guard.SAFE_TO_RUN)
    @DisplayName("no threads")
    void noThreads() {
        checkSafety("student_code_should_not_start_threads");
    }

    @Test
    @Graded(category = RULES, points = 2, guards = Guard.SAFE_TO_RUN)
    @DisplayName("no files, processes or network")
    void noFilesProcessesOrNetwork() {
        checkSafety("student_code_should_not_touch_files_processes_or_the_network", "student_code_should_not_change_System");
    }

    @Test
    @Timeout(5) // runs student code: the suite's usual limit
    @Graded(category = RULES, points = 1, guards = Guard.MEMO_IN_LRU_CACHE)
    @DisplayName("Fibonacci keeps its results in its LruCache")
    void fibonacciUsesLruCache() {
        StudentClasses.requireWritten();
        try {
            MemoGuard.check();
        } catch (RuleViolation violation) {
            throw violation;
        } catch (RuntimeException | Error thrown) {
            // A check that student code makes fail is a rule broken, not a plain failure that would leave the
            // memoization categories standing: code could otherwise throw only while it is being checked.
            StackTraceElement origin = OutcomeCollector.firstStudentFrame(thrown.getStackTrace());
            throw new RuleViolation("Rule broken: Fibonacci keeps its results in its LruCache. While this was checked "
                    + "(a fresh Fibonacci(128), fib(30), then its cache and cacheInfo()), your code threw " + thrown
                    + (origin == null ? "" : " at " + OutcomeCollector.where(origin)) + ", so it could not be checked: "
                    + "that counts as the rule broken. Nothing in Fibonacci or LruCache should throw on such ordinary "
                    + "calls.\nWhile it does, the memoization categories (" + Guard.MEMO_IN_LRU_CACHE.guardedTitles()
                    + ") earn nothing.");
        }
    }

    /**
     * A safety rule: broken, it fails as a {@link RuleViolation} whose message says that final
     * grading would refuse the code, so that a student learns it here, not at the deadline.
     */
    private static void checkSafety(String... ruleNames) {
        StringBuilder broken = new StringBuilder();
        for (ExerciseRules.Rule rule : ExerciseRules.SAFETY) {
            if (List.of(ruleNames).contains(rule.name())) {
                List<String> where = StudentClasses.facts().safety(rule.name());
                if (!where.isEmpty()) {
                    broken.append(broken.length() == 0 ? "" : "\n").append(report(rule.title(), rule, where));
                }
            }
        }
        if (broken.length() > 0) {
            throw new RuleViolation("A SAFETY RULE IS BROKEN: final grading does not run code that breaks it, and such a "
                    + "submission scores 0 in every category (the score table already counts it so).\n" + broken);
        }
        StudentClasses.requireWritten();
    }

    /** The rule broken, why and how to fix it, then where (ArchUnit names the class and line of each). */
    private static String report(String what, ExerciseRules.Rule rule, List<String> where) {
        return "Rule broken: " + what + ". Why and what to do: " + rule.because() + ".\nWhere:"
                + ExerciseRules.Rule.listed(where, "  ");
    }
}
