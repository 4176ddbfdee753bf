package memolab.grader.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import memolab.grader.Category;
import memolab.grader.score.Score;
import memolab.grader.score.TestOutcome;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The two ends of the scale: the reference earns every point, the untouched stubs none. */
class ReferenceAndStubsTest {

    @Test
    @DisplayName("the reference earns 100 of 100, hidden tests included")
    void referenceEarnsFullMarks() {
        Score score = Submissions.grade(Submissions.compile("reference", Submissions.REFERENCE, null), true);
        assertThat(score.lost()).as("tests the reference fails").isEmpty();
        assertThat(score.possible()).as("points of the whole suite").isEqualTo(Score.SUITE_TOTAL);
        assertThat(score.earned()).isEqualTo(Score.SUITE_TOTAL);
    }

    @Test
    @DisplayName("the stubs compile and earn 0 in every category, with messages that say what to write")
    void stubsEarnNothing() {
        Score score = Submissions.grade(Submissions.compile("stubs", Submissions.STUBS, null), true);
        for (Category category : Category.values()) {
            assertThat(score.row(category).earned()).as("stub points in %s", category).isZero();
            assertThat(score.row(category).tests()).as("tests in %s", category).isPositive();
        }
        for (TestOutcome outcome : score.outcomes()) {
            assertThat(outcome.message()).as("message of %s on the stubs", outcome.displayName())
                    .containsAnyOf("is not written yet: replace this line", "still the stub");
        }
    }

    @Test
    @DisplayName("each stub's message names its own method")
    void stubMessagesNameTheirMethod() throws Exception {
        java.util.regex.Pattern signature = java.util.regex.Pattern.compile("^\\s*public\\s+(?:static\\s+)?(?:[\\w<>,?\\[\\] ]+\\s+)?(\\w+)\\s*\\(");
        int stubs = 0;
        for (String type : java.util.List.of("LruCache", "Fibonacci")) {
            String method = null;
            for (String line : java.nio.file.Files.readAllLines(Submissions.STUBS.resolve(type + ".java"))) {
                java.util.regex.Matcher declared = signature.matcher(line);
                if (declared.find() && !line.contains(" class ")) {
                    method = declared.group(1);
                }
                if (line.contains("throw new UnsupportedOperationException(")) {
                    String name = type.equals(method) ? "new " + type : type + "." + method;
                    assertThat(line).as("the stub of %s", name).contains("\"" + name + " is not written yet");
                    stubs++;
                }
            }
        }
        assertThat(stubs).as("stubs found").isGreaterThanOrEqualTo(15);
    }
    @Test
    @DisplayName("the API the student's run checks their tests against is the stubs' public members")
    void apiMembersAreTheStubs() {
        com.tngtech.archunit.core.domain.JavaClasses stubs = memolab.grader.rules.ExerciseRules.importStudentClasses(
                Submissions.compile("stubs-api", Submissions.STUBS, null));
        for (String type : java.util.List.of("memolab.LruCache", "memolab.Fibonacci")) {
            java.util.Set<String> members = new java.util.TreeSet<>();
            for (com.tngtech.archunit.core.domain.JavaCodeUnit unit : stubs.get(type).getCodeUnits()) {
                if (unit.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC)) {
                    members.add(unit.getName() + unit.getRawParameterTypes().stream()
                            .map(com.tngtech.archunit.core.domain.JavaClass::getName)
                            .collect(java.util.stream.Collectors.joining(", ", "(", ")")));
                }
            }
            assertThat(members).as("the public members of the stub of %s", type)
                    .containsExactlyInAnyOrderElementsOf(memolab.grader.rules.ExerciseRules.API_MEMBERS.get(type));
        }
    }
}
