package memolab.grader.late;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatePolicyTest {

    private static final Instant DUE = Instant.parse("2026-12-04T23:59:00Z");

    @Test
    @DisplayName("a penalty per started day, counted from the deadline once past the grace period, capped")
    void penaltyPerStartedDay() {
        LatePolicy policy = LatePolicy.parse("grace=15m, 10%/day, cap=3d");
        assertThat(policy.penaltyPercent(Duration.ofMinutes(-5))).isZero();
        assertThat(policy.penaltyPercent(Duration.ofMinutes(15))).as("the grace period's last minute").isZero();
        assertThat(policy.penaltyPercent(Duration.ofMinutes(16))).isEqualTo(10);
        assertThat(policy.penaltyPercent(Duration.ofHours(24))).isEqualTo(10);
        assertThat(policy.penaltyPercent(Duration.ofHours(30))).isEqualTo(20);
        assertThat(policy.penaltyPercent(Duration.ofDays(3))).isEqualTo(30);
        assertThat(policy.penaltyPercent(Duration.ofDays(3).plusSeconds(1))).as("past the cap").isEqualTo(100);
        assertThat(policy.finalScore(82, Duration.ofHours(30))).isEqualTo(65.6);
        assertThat(policy.describe()).isEqualTo("10 % of the score per started day after the deadline, after a grace "
                + "period of 15 minutes; work more than 3 days late earns nothing");
    }

    @Test
    @DisplayName("none, 0%/day, per hour, ISO durations; a tighter cap wins")
    void otherPolicies() {
        assertThat(LatePolicy.parse("none").penaltyPercent(Duration.ofSeconds(1))).isEqualTo(100);
        assertThat(LatePolicy.parse("grace=1h,none").penaltyPercent(Duration.ofMinutes(59))).isZero();
        assertThat(LatePolicy.parse("0%/day").penaltyPercent(Duration.ofDays(40))).isZero();
        assertThat(LatePolicy.parse("2.5%/hour").penaltyPercent(Duration.ofMinutes(61))).isEqualTo(5);
        assertThat(LatePolicy.parse("50%/day").penaltyPercent(Duration.ofDays(5))).as("never above 100").isEqualTo(100);
        assertThat(LatePolicy.parse("3.3%/day").penaltyPercent(Duration.ofDays(3))).isEqualTo(9.9);
        assertThat(LatePolicy.parse("grace=PT15M,cap=P2D").grace()).isEqualTo(Duration.ofMinutes(15));
        assertThat(LatePolicy.parse("10%/day,cap=5d").capAt(Duration.ofDays(2)).cap()).isEqualTo(Duration.ofDays(2));
        assertThat(LatePolicy.parse("10%/day,cap=1d").capAt(Duration.ofDays(2)).cap()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    @DisplayName("a policy it cannot read is refused with the item and examples")
    void invalidPolicies() {
        assertThatThrownBy(() -> LatePolicy.parse("10%/week")).hasMessageContaining("\"10%/week\"").hasMessageContaining("e.g.");
        assertThatThrownBy(() -> LatePolicy.parse("grace=soon")).hasMessageContaining("grace=soon is not a duration");
        assertThatThrownBy(() -> LatePolicy.parse("10%/day,5%/hour")).hasMessageContaining("two penalties");
        assertThatThrownBy(() -> LatePolicy.parse("150%/day")).hasMessageContaining("more than 100 %");
        assertThatThrownBy(() -> LatePolicy.parse(" ")).hasMessageContaining("empty");
    }

    @Test
    @DisplayName("the lateness a student reads: on time, late with its penalty, unknown time")
    void explanations() {
        LatePolicy policy = LatePolicy.parse("10%/day");
        assertThat(Lateness.judge(DUE.minusSeconds(60), DUE, false, policy, 100).explain())
                .isEqualTo("The deadline was 2026-12-04 23:59:00 UTC. It was submitted 2026-12-04 23:58:00 UTC: on time.");
        Lateness late = Lateness.judge(DUE.plus(Duration.ofHours(49)), DUE, true, policy, 90);
        assertThat(late.finalScore()).isEqualTo(63);
        assertThat(late.explain()).isEqualTo("The deadline (your extension) was 2026-12-04 23:59:00 UTC. It was submitted "
                + "2026-12-07 00:59:00 UTC, 2 days 1 hour late. The late policy: 10 % of the score per started day after the "
                + "deadline. Penalty: 30 % of 90, so the score is 63.");
        assertThat(late.flags()).containsExactly("late by 2 days 1 hour, penalty 30 %");
        assertThat(late.lateHoursCell()).isEqualTo("49.00");
        Lateness unknown = Lateness.judge(null, DUE, false, policy, 90);
        assertThat(unknown.finalScore()).isEqualTo(90);
        assertThat(unknown.flags()).containsExactly("submission time unknown: no late penalty applied");
        assertThat(Lateness.none(90).explain()).isEmpty();
        assertThat(Lateness.none(90).flags()).isEmpty();
    }

    @Test
    @DisplayName("GitHub's activity, one array or a page per array: pushes oldest first, force pushes and deletions told apart")
    void pushLog() {
        String page1 = """
                [{"id":3,"before":"b","after":"c","ref":"refs/heads/main","timestamp":"2026-12-05T10:00:00Z","activity_type":"force_push","actor":{"login":"ann"}},
                 {"id":2,"before":"a","after":"0000000000000000000000000000000000000000","ref":"refs/heads/main","timestamp":"2026-12-04T10:00:00Z","activity_type":"branch_deletion","actor":null}]
                """;
        String page2 = """
                [{"id":1,"before":"0000000000000000000000000000000000000000","after":"a","ref":"refs/heads/main","timestamp":"2026-12-01T10:00:00Z","activity_type":"push","actor":{"login":"ann"}}]
                """;
        PushLog log = PushLog.parse(page1 + page2);
        assertThat(log.pushes()).extracting(PushLog.Push::after).containsExactly("a", "c");
        assertThat(log.lastBy(DUE).after()).isEqualTo("a");
        assertThat(log.choose(DUE, LatePolicy.parse("none")).after()).isEqualTo("a");
        assertThat(log.choose(DUE, LatePolicy.parse("10%/day")).after()).isEqualTo("c");
        assertThat(log.choose(DUE, LatePolicy.parse("10%/day,cap=1h")).after()).as("c earns nothing: a, on time").isEqualTo("a");
        PushLog twoLate = PushLog.parse("""
                [{"id":9,"after":"z","timestamp":"2026-12-09T10:00:00Z","activity_type":"push"},
                 {"id":8,"after":"y","timestamp":"2026-12-05T10:00:00Z","activity_type":"push"},
                 {"id":7,"after":"x","timestamp":"2026-12-05T10:00:00Z","activity_type":"push"}]
                """);
        assertThat(twoLate.last().after()).as("in one second, GitHub's later id").isEqualTo("z");
        assertThat(twoLate.choose(DUE, LatePolicy.parse("10%/day,cap=3d")).after())
                .as("z is past the cap: y, late but inside it, not nothing").isEqualTo("y");
        assertThat(log.choose(null, LatePolicy.parse("none")).after()).as("no deadline: the last").isEqualTo("c");
        assertThat(log.forcedFlags(DUE)).containsExactly("force push 2026-12-05 10:00:00 UTC (after the deadline): history rewritten");
        assertThat(PushLog.parse("[]").choose(DUE, LatePolicy.parse("none"))).isNull();
        assertThatThrownBy(() -> PushLog.parse("{\"message\":\"Not Found\"}")).hasMessageContaining("not a list of activities");
    }

    @Test
    @DisplayName("Gradescope's metadata: a group is held to its earliest member's dates, the late due date caps the policy")
    void gradescopeMetadata(@TempDir Path temp) throws IOException {
        Path file = temp.resolve("submission_metadata.json");
        Files.writeString(file, """
                {"created_at": "2026-12-06T20:00:00.000000-08:00",
                 "assignment": {"due_date": "2026-12-04T23:59:00.000000-08:00", "late_due_date": "2026-12-07T23:59:00.000000-08:00"},
                 "users": [{"name": "A", "assignment": {"due_date": "2026-12-04T23:59:00.000000-08:00", "late_due_date": null}},
                           {"name": "B", "assignment": {"due_date": "2026-12-05T23:59:00.000000-08:00", "late_due_date": "2026-12-08T23:59:00.000000-08:00"}}]}
                """);
        GradescopeMetadata metadata = GradescopeMetadata.read(file);
        assertThat(metadata.ownDueDate()).as("B's extension does not extend A's work").isEqualTo(Instant.parse("2026-12-05T07:59:00Z"));
        assertThat(metadata.lateDueDate()).isEqualTo(Instant.parse("2026-12-09T07:59:00Z"));
        Lateness lateness = metadata.deadlines("submission", LatePolicy.parse("10%/day")).judge("submission", 100);
        assertThat(lateness.extended()).isFalse();
        assertThat(lateness.penaltyPercent()).as("44 hours late: two started days").isEqualTo(20);
        Files.writeString(file, """
                {"created_at": "2026-12-06T20:00:00.000000-08:00",
                 "assignment": {"due_date": "2026-12-04T23:59:00.000000-08:00", "late_due_date": null},
                 "users": [{"name": "B", "assignment": {"due_date": "2026-12-06T23:59:00.000000-08:00", "late_due_date": null}}]}
                """);
        Lateness extended = GradescopeMetadata.read(file).deadlines("submission", LatePolicy.parse("10%/day")).judge("submission", 100);
        assertThat(extended.extended()).isTrue();
        assertThat(extended.penaltyPercent()).isZero();
        Files.writeString(file, "{\"assignment\": {\"due_date\": \"2026-12-04T23:59:00Z\"}}");
        assertThatThrownBy(() -> GradescopeMetadata.read(file)).hasMessageContaining("no \"created_at\"");
    }

    @Test
    @DisplayName("extensions and submission times are read by their header's names; a bad line is named")
    void csvFiles(@TempDir Path temp) throws IOException {
        Path extensions = temp.resolve("extensions.csv");
        Files.writeString(extensions, "student,deadline\ndave,2026-12-05T23:59:00Z\n\n");
        assertThat(Deadlines.readExtensions(extensions)).isEqualTo(Map.of("dave", Instant.parse("2026-12-05T23:59:00Z")));
        Files.writeString(extensions, "student,deadline\ndave,tomorrow\n");
        assertThatThrownBy(() -> Deadlines.readExtensions(extensions)).hasMessageContaining("extensions.csv line 2: the deadline");
        Files.writeString(extensions, "\uFEFFstudent,deadline\nDave,2026-12-05T23:59:00Z\n"); // as a spreadsheet saves it
        Deadlines deadlines = new Deadlines(DUE, LatePolicy.parse("none"), Deadlines.readExtensions(extensions), Map.of());
        assertThat(deadlines.judge("dave", 10).extended()).as("user names ignore case").isTrue();
        assertThat(deadlines.extensionsMatchingNone(java.util.List.of("alice"))).containsExactly("dave");
        Files.writeString(extensions, "name,until\n");
        assertThatThrownBy(() -> Deadlines.readExtensions(extensions)).hasMessageContaining("student,deadline");
    }
}
