package memolab.grader.grading;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import memolab.grader.rules.ExerciseRules;
import memolab.grader.rules.RuleFacts;
import memolab.grader.score.PlainText;

/**
 * Final grading's gate: the safety rules, checked on a submission's compiled classes in the
 * grader's own JVM, before any of its code runs. A submission that breaks one is refused,
 * not run: code that would end the JVM, reflect, start threads, touch files, processes or
 * the network, or change {@code System} has no place in a test run, whatever points it
 * would lose.
 */
final class SafetyGate {

    /**
     * A broken safety rule.
     *
     * @param rule    the rule in a few words
     * @param because the reason and the fix
     * @param where   ArchUnit's description of each violation, with class and line
     */
    record Violation(String rule, String because, List<String> where) {
    }

    private SafetyGate() {
    }

    /**
     * What the rules find in the classes in {@code classes} (package {@code memolab}): read
     * once, here, for the gate and for the suite's rules tests alike.
     */
    static RuleFacts facts(Path classes) {
        return RuleFacts.of(ExerciseRules.importStudentClasses(classes));
    }

    /** The safety rules that the facts show broken; empty if none. */
    static List<Violation> check(RuleFacts facts) {
        List<Violation> violations = new ArrayList<>();
        for (ExerciseRules.Rule rule : ExerciseRules.SAFETY) {
            List<String> where = facts.safety(rule.name());
            if (!where.isEmpty()) {
                violations.add(new Violation(rule.title(), rule.because(), where));
            }
        }
        return violations;
    }

    /** The safety rules a student's own tests in {@code classes} break ({@link ExerciseRules#TEST_SAFETY}); empty if none. */
    static List<Violation> checkTests(Path classes) {
        com.tngtech.archunit.core.domain.JavaClasses imported = ExerciseRules.importStudentClasses(classes);
        List<Violation> violations = new ArrayList<>();
        for (ExerciseRules.Rule rule : ExerciseRules.TEST_SAFETY) {
            List<String> where = rule.violations(imported);
            if (!where.isEmpty()) {
                violations.add(new Violation(rule.title(), rule.because(), where));
            }
        }
        return violations;
    }

    /** The report's words for a refused submission: which rule, where, why, and what to do. */
    static String explain(List<Violation> violations) {
        StringBuilder text = new StringBuilder("REFUSED: your code breaks ")
                .append(violations.size() == 1 ? "a safety rule" : violations.size() + " safety rules")
                .append(" of the exercise, so final grading did not run it at all and it scores 0. Fix what is listed "
                        + "below and submit again; your own ./mvnw test shows the same rules in \"Rules of the exercise\".");
        for (Violation violation : violations) {
            text.append("\n- Rule \"").append(violation.rule()).append("\": ").append(violation.because()).append('.');
            // Where names the student's classes and source files: code spans, never the report's own words.
            text.append(ExerciseRules.Rule.listed(violation.where().stream().map(PlainText::inlineCode).toList(), "    "));
        }
        return text.toString();
    }
}
