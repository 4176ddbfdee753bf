package memolab.grader.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import memolab.grader.Category;
import memolab.grader.Graded;
import memolab.grader.Hidden;
import memolab.grader.grading.GradingPlan;
import memolab.grader.report.GradescopeJson;
import memolab.grader.runner.SuiteClassOrder;
import memolab.grader.score.Score;
import memolab.grader.score.TestOutcome;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rubric adds up: 100 points, every graded test in the suite carries points, hidden ones are marked. */
class PointsTest {

    record GradedTest(Class<?> type, Method method, Graded graded, boolean hidden) {
    }

    static List<GradedTest> suiteTests() throws IOException, ClassNotFoundException {
        Path root = Submissions.suiteClasses(); // the suite module's classes folder, or its jar once packaged
        List<GradedTest> tests = new ArrayList<>();
        try (FileSystem jar = Files.isRegularFile(root) ? FileSystems.newFileSystem(root) : null;
             Stream<Path> files = Files.list((jar == null ? root : jar.getPath("/")).resolve("memolab/grader/suite"))) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".class")) {
                    continue;
                }
                Class<?> type = Class.forName("memolab.grader.suite." + name.substring(0, name.length() - 6));
                for (Method method : type.getDeclaredMethods()) {
                    if (method.isAnnotationPresent(Test.class)) {
                        assertThat(method.getAnnotation(Graded.class))
                                .as("%s.%s is in the graded suite, so it must carry @Graded", type.getName(), method.getName())
                                .isNotNull();
                        boolean hidden = type.isAnnotationPresent(Hidden.class)
                                || (type.getEnclosingClass() != null && type.getEnclosingClass().isAnnotationPresent(Hidden.class));
                        tests.add(new GradedTest(type, method, method.getAnnotation(Graded.class), hidden));
                    }
                }
            }
        }
        return tests;
    }

    @Test
    @DisplayName("the graded tests add up to 100 points, 82 visible and 18 hidden")
    void pointsAddUpTo100() throws Exception {
        List<GradedTest> tests = suiteTests();
        assertThat(tests.stream().mapToInt(t -> t.graded().points()).sum()).isEqualTo(Score.SUITE_TOTAL);
        assertThat(tests.stream().filter(t -> !t.hidden()).mapToInt(t -> t.graded().points()).sum()).isEqualTo(Score.VISIBLE_TOTAL)
                .isEqualTo(82);
        assertThat(tests).allSatisfy(t -> assertThat(t.graded().points()).as("points of %s", t.method()).isPositive());
    }

    @Test
    @DisplayName("each category has the points of the rubric")
    void categoriesHaveTheirPoints() throws Exception {
        Map<Category, Integer> points = new EnumMap<>(Category.class);
        for (GradedTest test : suiteTests()) {
            points.merge(test.graded().category(), test.graded().points(), Integer::sum);
        }
        assertThat(points).containsExactlyInAnyOrderEntriesOf(Map.of(
                Category.LRU_EXAMPLES, 19, Category.LRU_SEQUENCES, 31, Category.LRU_COST, 10,
                Category.FIBONACCI_VALUES, 10, Category.MEMO_COUNTERS, 10, Category.MEMO_TIMING, 5,
                Category.RULES, 15));
    }

    @Test
    @DisplayName("hidden tests live in classes named Hidden*, so a release can leave their files out")
    void hiddenTestsAreInHiddenClasses() throws Exception {
        for (GradedTest test : suiteTests()) {
            Class<?> top = test.type().getEnclosingClass() == null ? test.type() : test.type().getEnclosingClass();
            assertThat(top.getSimpleName().startsWith("Hidden")).as("%s: hidden=%s", top.getSimpleName(), test.hidden())
                    .isEqualTo(test.hidden());
        }
    }

    @Test
    @DisplayName("a visible test has the same number in a per-push run (visible tests only) as in final grading; the classes "
            + "run in SuiteClassOrder's order, which names every one")
    void aVisibleTestKeepsItsNumber(@TempDir Path temp) throws Exception {
        Map<String, String> perPush = numbers(GradingPlan.prepare(temp.resolve("visible"), false).outcomes());
        List<TestOutcome> finalPlan = GradingPlan.prepare(temp.resolve("hidden"), true).outcomes();
        Map<String, String> inFinal = numbers(finalPlan);
        assertThat(perPush).hasSize(42);
        perPush.forEach((test, number) -> assertThat(inFinal.get(test)).as("%s's number in final grading", test).isEqualTo(number));
        List<String> classes = finalPlan.stream().map(TestOutcome::testClass).map(c -> c.replaceAll("\\$.*", ""))
                .map(c -> c.substring(c.lastIndexOf('.') + 1)).distinct().toList();
        assertThat(classes).isEqualTo(SuiteClassOrder.ORDER);
        assertThat(suiteTests().stream().map(t -> (t.type().getEnclosingClass() == null ? t.type() : t.type().getEnclosingClass())
                .getSimpleName()).distinct()).containsExactlyInAnyOrderElementsOf(SuiteClassOrder.ORDER);
    }

    /** Each test's number as results.json gives it, by test. */
    private static Map<String, String> numbers(List<TestOutcome> plan) {
        List<String> numbers = GradescopeJson.numbers(plan);
        Map<String, String> byTest = new java.util.LinkedHashMap<>();
        for (int i = 0; i < plan.size(); i++) {
            byTest.put(plan.get(i).testClass() + "#" + plan.get(i).testMethod(), numbers.get(i));
        }
        return byTest;
    }
}
