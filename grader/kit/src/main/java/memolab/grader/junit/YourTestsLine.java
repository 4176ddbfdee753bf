package memolab.grader.junit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import memolab.grader.rules.ExerciseRules;

/**
 * The lines under a student's score table about their own tests ("Your tests"): how many ran
 * on their code and passed, and how much of their cache (every class of theirs but
 * {@code Fibonacci}, as final grading counts it) they reach, read from
 * what the exercises module's run left (Surefire's reports and JaCoCo's CSV report). Final
 * grading measures the rest (on correct caches and on caches with known bugs), which a
 * student's run cannot: the course keeps those caches.
 */
final class YourTestsLine {

    private static final Pattern COUNT = Pattern.compile("\\b(tests|failures|errors|skipped)=\"(\\d+)\"");

    private YourTestsLine() {
    }

    /**
     * @param exercisesTarget the exercises module's {@code target} folder
     * @param points          what final grading gives the student's own tests, of 100
     */
    static String of(Path exercisesTarget, int points) throws IOException {
        return of(exercisesTarget, points, null);
    }

    /**
     * {@link #of(Path, int)}, with {@link #brokenRules} already known ({@code null}: found here).
     */
    static String of(Path exercisesTarget, int points, String brokenRules) throws IOException {
        int[] counts = counts(exercisesTarget.resolve("surefire-reports"));
        String grading = String.format(Locale.ROOT, "final grading gives them %d of 100 points (docs/4-the-exercises.md, "
                + "\"Testing your cache\").", points);
        if (counts[0] == 0) {
            return wrap("Your tests (exercises/src/test/java/memolab): none ran; " + grading);
        }
        int ran = counts[0] - counts[2];
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "Your tests: %d ran on your code, %d passed", ran,
                ran - counts[1]));
        int[] branches = branches(exercisesTarget.resolve("site/jacoco/jacoco.csv"));
        if (branches[1] > 0) {
            line.append(String.format(Locale.ROOT, ", reaching %d of %d branches of your cache's classes (%d %%)", branches[0],
                    branches[1], Math.round(100.0 * branches[0] / branches[1])));
        }
        List<String> timedOut = timedOut(exercisesTarget.resolve("surefire-reports"));
        String stopped = timedOut.isEmpty() ? "" : wrap(String.format(Locale.ROOT, "%s did not finish within %d s, the "
                + "limit of each of your tests, here as in final grading (which counts %s as failing): %s. A loop that "
                + "never ends, in your cache or in the test? Run it alone in your editor's debugger and pause it, or read "
                + "its stack in exercises/target/surefire-reports.", timedOut.size() == 1 ? "1 of them"
                : timedOut.size() + " of them", ExerciseRules.TEST_SECONDS, timedOut.size() == 1 ? "it" : "each",
                listed(timedOut)));
        return wrap(line.append("; ").append(grading).toString()) + stopped
                + (brokenRules != null ? brokenRules : brokenRules(exercisesTarget.resolve("test-classes")));
    }

    /** "A", "A and B", "A, B and C"; past 5 names, the first 5 "and 2 more". */
    private static String listed(List<String> names) {
        if (names.size() > 5) {
            return String.join(", ", names.subList(0, 5)) + " and " + (names.size() - 5) + " more";
        }
        return names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    /** A test case of a Surefire report whose failure is JUnit's time limit: its class and name, its message. */
    private static final Pattern TIMED_OUT = Pattern.compile("<testcase\\b[^>]*?\\bname=\"([^\"]*)\"[^>]*?\\bclassname=\"([^\"]*)\""
            + "[^>]*>\\s*<(?:error|failure)\\b[^>]*?\\bmessage=\"[^\"]*timed out after ");

    /** The tests JUnit stopped at their time limit, as {@code LruCacheTest.loops()}, in the reports' order. */
    static List<String> timedOut(Path reports) throws IOException {
        List<String> names = new java.util.ArrayList<>();
        for (Path file : reportFiles(reports)) {
            Matcher found = TIMED_OUT.matcher(Files.readString(file, StandardCharsets.UTF_8));
            while (found.find()) {
                // A nested class as the source names it: LruCacheTest.Inner, not the class file's LruCacheTest$Inner.
                String test = found.group(2).substring(found.group(2).lastIndexOf('.') + 1).replace('$', '.') + "." + found.group(1);
                names.add(test.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&"));
            }
        }
        return names;
    }

    /**
     * A warning when the student's test classes break a rule final grading refuses tests for
     * ({@link ExerciseRules#TEST_SAFETY}): the first rule broken and where, in a few lines;
     * empty when none is (or there are no test classes).
     */
    static String brokenRules(Path testClasses) {
        if (!Files.isDirectory(testClasses.resolve(ExerciseRules.STUDENT_PACKAGE))) {
            return "";
        }
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR"); // ArchUnit's logger: no "no providers" lines for students
        }
        var classes = ExerciseRules.importStudentClasses(testClasses);
        for (ExerciseRules.Rule rule : ExerciseRules.TEST_SAFETY) {
            List<String> where = rule.violations(classes);
            if (!where.isEmpty()) {
                String first = where.get(0).length() > 160 ? where.get(0).substring(0, 160) + "..." : where.get(0);
                return wrap("WARNING: final grading refuses these tests (0 points): they break its rule \"" + rule.title()
                        + "\" (" + rule.because() + "). First: " + first);
            }
        }
        java.util.Map<String, String> beyond = beyondTheApi(classes);
        if (!beyond.isEmpty()) {
            return wrap("WARNING: final grading leaves out " + String.join(", ", beyond.keySet()) + ": " + (beyond.size() == 1
                    ? "it uses " : "they use ") + String.join(", ", new java.util.TreeSet<>(beyond.values())) + ". Your tests "
                    + "also run on the course's caches, which have only the API of LruCache, Fibonacci and CacheStats (the "
                    + "stubs' public methods): test your own classes and methods through it.");
        }
        return "";
    }

    /**
     * The test files (by their top-level class's file name) that use a class of package
     * {@code memolab} which is neither the exercise's API nor one of the tests' own, or a member
     * of {@code LruCache} or {@code Fibonacci} that their stubs do not have
     * ({@link ExerciseRules#API_MEMBERS}), with the first such use: final grading compiles the
     * tests against the API alone and leaves such files out.
     */
    static java.util.Map<String, String> beyondTheApi(com.tngtech.archunit.core.domain.JavaClasses tests) {
        java.util.Set<String> own = new java.util.HashSet<>();
        tests.forEach(c -> own.add(topLevel(c.getName())));
        java.util.Map<String, String> beyond = new java.util.TreeMap<>();
        for (com.tngtech.archunit.core.domain.JavaClass test : tests) {
            String file = test.getSource().flatMap(source -> source.getFileName()).orElse(topLevel(test.getSimpleName()) + ".java");
            for (com.tngtech.archunit.core.domain.Dependency dependency : test.getDirectDependenciesFromSelf()) {
                String target = dependency.getTargetClass().getName();
                String simple = target.substring(target.lastIndexOf('.') + 1);
                if (dependency.getTargetClass().getPackageName().equals(ExerciseRules.STUDENT_PACKAGE)
                        && !own.contains(topLevel(target)) && !ExerciseRules.API_CLASSES.contains(simple)) { // a nested class of LruCache is not the API
                    beyond.putIfAbsent(file, simple.replace('$', '.') + ", a class of yours");
                }
            }
            for (com.tngtech.archunit.core.domain.JavaAccess<?> access : test.getAccessesFromSelf()) {
                java.util.Set<String> api = ExerciseRules.API_MEMBERS.get(access.getTargetOwner().getName());
                String member = ExerciseRules.memberName(access);
                if (api != null && !api.contains(member) && !ExerciseRules.OBJECT_MEMBERS.contains(member)) {
                    String simple = access.getTargetOwner().getSimpleName();
                    beyond.putIfAbsent(file, (member.startsWith("<init>") ? "new " + simple + member.substring("<init>".length())
                            : simple + "." + member) + ", which the stub of " + simple + " does not have");
                }
            }
        }
        return beyond;
    }

    /** A class's top-level class's name: {@code memolab.LruCacheTest} for {@code memolab.LruCacheTest$Nested}. */
    private static String topLevel(String name) {
        int nested = name.indexOf('$');
        return nested < 0 ? name : name.substring(0, nested);
    }

    /** The text in lines of at most the score table's width. */
    static String wrap(String text) {
        StringBuilder out = new StringBuilder();
        int lineStart = 0;
        for (String word : text.split(" ")) {
            if (out.length() - lineStart + word.length() + 1 > WIDTH && out.length() > lineStart) {
                out.append(System.lineSeparator());
                lineStart = out.length();
            } else if (out.length() > lineStart) {
                out.append(' ');
            }
            out.append(word);
        }
        return out.append(System.lineSeparator()).toString();
    }

    /** The score table's width. */
    private static final int WIDTH = 72;

    /** Surefire's XML reports of the run ({@code TEST-*.xml}), in name order; none without the folder. */
    private static List<Path> reportFiles(Path reports) throws IOException {
        if (!Files.isDirectory(reports)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(reports)) {
            return list.filter(f -> f.getFileName().toString().matches("TEST-.*\\.xml")).sorted().toList();
        }
    }

    /** Tests run, failed (failures and errors), skipped, over every report of the run. */
    private static int[] counts(Path reports) throws IOException {
        int[] counts = new int[3];
        for (Path file : reportFiles(reports)) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int end = text.indexOf('>', text.indexOf("<testsuite"));
            Matcher counted = COUNT.matcher(text.substring(Math.max(0, text.indexOf("<testsuite")), Math.max(0, end)));
            while (counted.find()) {
                int value = Integer.parseInt(counted.group(2));
                switch (counted.group(1)) {
                    case "tests" -> counts[0] += value;
                    case "failures", "errors" -> counts[1] += value;
                    default -> counts[2] += value;
                }
            }
        }
        return counts;
    }

    /**
     * Branches of the cache's classes (all of package memolab but Fibonacci and the given files,
     * nested classes with their outer one) covered, and in all, from JaCoCo's CSV report; zeros
     * without one.
     */
    private static int[] branches(Path csv) throws IOException {
        int[] branches = new int[2];
        if (!Files.isRegularFile(csv)) {
            return branches;
        }
        for (String line : Files.readAllLines(csv, StandardCharsets.UTF_8)) {
            String[] cells = line.split(",");
            // GROUP,PACKAGE,CLASS,INSTRUCTION_MISSED,INSTRUCTION_COVERED,BRANCH_MISSED,BRANCH_COVERED,...
            if (cells.length > 6 && cells[1].equals("memolab")
                    && ExerciseRules.isCacheClass(cells[2])) {
                branches[0] += Integer.parseInt(cells[6]);
                branches[1] += Integer.parseInt(cells[5]) + Integer.parseInt(cells[6]);
            }
        }
        return branches;
    }
}
