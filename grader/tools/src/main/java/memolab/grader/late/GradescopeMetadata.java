package memolab.grader.late;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * What Gradescope's {@code submission_metadata.json} says about time: when the submission was
 * made ({@code created_at}, Gradescope's clock, not the grader's: a regrade gives the same
 * answer), the assignment's {@code due_date} and {@code late_due_date}, and each user's own
 * dates ({@code users[].assignment}), where an extension shows. A group is held to its
 * earliest member's dates: students add their own group members on Gradescope, so one
 * member's extension must not extend a classmate's work.
 *
 * @param createdAt   when the student submitted
 * @param dueDate     the assignment's due date
 * @param ownDueDate  the submitters' own due date (an extension), or the assignment's
 * @param lateDueDate the last moment late work is accepted (the submitters' own), or null
 */
public record GradescopeMetadata(Instant createdAt, Instant dueDate, Instant ownDueDate, Instant lateDueDate) {

    /**
     * Reads the file.
     *
     * @throws IllegalArgumentException saying which field is missing or malformed
     */
    public static GradescopeMetadata read(Path file) throws IOException {
        JsonObject json;
        try {
            json = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new IllegalArgumentException(file + " is not Gradescope's submission metadata (JSON): " + e.getMessage());
        }
        JsonObject assignment = object(json, "assignment", file);
        Instant created = time(json, "created_at", file);
        Instant due = time(assignment, "due_date", file);
        Instant lateDue = optionalTime(assignment, "late_due_date", file);
        Instant ownDue = null;
        Instant ownLateDue = null;
        JsonElement users = json.get("users");
        if (users != null && users.isJsonArray()) {
            for (JsonElement user : users.getAsJsonArray()) {
                JsonElement own = user.isJsonObject() ? user.getAsJsonObject().get("assignment") : null;
                if (own != null && own.isJsonObject()) {
                    Instant userDue = optionalTime(own.getAsJsonObject(), "due_date", file);
                    Instant userLate = optionalTime(own.getAsJsonObject(), "late_due_date", file);
                    ownDue = earlier(ownDue, userDue);
                    ownLateDue = earlier(ownLateDue, userLate);
                }
            }
        }
        return new GradescopeMetadata(created, due, ownDue == null ? due : ownDue, ownLateDue == null ? lateDue : ownLateDue);
    }

    /**
     * The deadlines to grade this one submission by (named {@code student}, the grader's name
     * for it): its time, the assignment's due date, the submitters' own as an extension where
     * it differs, and the policy capped at the late due date (work after it earns nothing).
     */
    public Deadlines deadlines(String student, LatePolicy policy) {
        // A late due date before the student's own (an extension of the due date alone): no late period after it.
        LatePolicy capped = lateDueDate == null ? policy
                : policy.capAt(lateDueDate.isAfter(ownDueDate) ? Duration.between(ownDueDate, lateDueDate) : Duration.ZERO);
        Map<String, Instant> extensions = ownDueDate.equals(dueDate) ? Map.of() : Map.of(student, ownDueDate);
        return new Deadlines(dueDate, capped, extensions, Map.of(student, new Deadlines.Submitted(createdAt, "")));
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    private static JsonObject object(JsonObject json, String member, Path file) {
        JsonElement value = json.get(member);
        if (value == null || !value.isJsonObject()) {
            throw new IllegalArgumentException(file + " has no \"" + member + "\" object: is it Gradescope's submission_metadata.json?");
        }
        return value.getAsJsonObject();
    }

    private static Instant time(JsonObject json, String member, Path file) {
        Instant time = optionalTime(json, member, file);
        if (time == null) {
            throw new IllegalArgumentException(file + " has no \"" + member + "\": the late policy needs it.");
        }
        return time;
    }

    private static Instant optionalTime(JsonObject json, String member, Path file) {
        JsonElement value = json.get(member);
        if (value == null || value.isJsonNull()) {
            return null;
        }
        try {
            return Deadlines.parseTime(value.getAsString(), file.getFileName() + "'s " + member);
        } catch (UnsupportedOperationException | IllegalStateException e) {
            throw new IllegalArgumentException(file + "'s \"" + member + "\" is not a time: " + value);
        }
    }
}
