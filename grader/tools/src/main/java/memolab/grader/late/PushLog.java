package memolab.grader.late;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The pushes GitHub recorded for one branch of a student's repository: the REST API's
 * repository activity ({@code GET /repos/{owner}/{repo}/activity}), whose every entry has the
 * commit the branch moved to ({@code after}) and the time GitHub received it
 * ({@code timestamp}). The student cannot set that time; a commit's own dates they can
 * ({@code GIT_COMMITTER_DATE}), so none is read here.
 *
 * @param pushes the branch's updates, oldest first
 */
public record PushLog(List<Push> pushes) {

    /** One update of the branch: GitHub's id for it, what it moved to, when, and whether it rewrote history. */
    public record Push(long id, String after, Instant at, boolean forced, String actor) {
    }

    /** Activity types that move the branch to {@code after}; a deletion moves it nowhere. */
    private static final Set<String> MOVES = Set.of("push", "force_push", "branch_creation", "pr_merge", "merge_queue_merge");

    private static final String NO_COMMIT = "0000000000000000000000000000000000000000";

    /**
     * Reads what {@code gh api --paginate} printed: one JSON array, or one array per page back
     * to back (as gh prints pages on a terminal), in any order.
     *
     * @throws IllegalArgumentException when it is not the activity API's answer
     */
    public static PushLog parse(String json) {
        List<Push> pushes = new ArrayList<>();
        try (JsonReader reader = new JsonReader(new StringReader(json))) {
            reader.setLenient(true); // several top-level arrays, one per page
            while (reader.peek() != JsonToken.END_DOCUMENT) {
                JsonElement page = JsonParser.parseReader(reader);
                if (!page.isJsonArray()) {
                    throw new IllegalArgumentException("GitHub's answer is not a list of activities: "
                            + abbreviate(page.toString()));
                }
                for (JsonElement element : page.getAsJsonArray()) {
                    JsonObject activity = element.getAsJsonObject();
                    String type = text(activity, "activity_type");
                    String after = text(activity, "after");
                    if (MOVES.contains(type) && !after.isEmpty() && !after.equals(NO_COMMIT)) {
                        JsonElement actor = activity.get("actor");
                        pushes.add(new Push(activity.has("id") ? activity.get("id").getAsLong() : 0, after,
                                Instant.parse(text(activity, "timestamp")), type.equals("force_push"),
                                actor != null && actor.isJsonObject() ? text(actor.getAsJsonObject(), "login") : ""));
                    }
                }
            }
        } catch (IOException | JsonParseException | IllegalStateException | java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("GitHub's repository activity could not be read: " + e.getMessage(), e);
        }
        pushes.sort(Comparator.comparing(Push::at).thenComparingLong(Push::id)); // GitHub lists the newest first
        return new PushLog(List.copyOf(pushes));
    }

    /** The last push at or before {@code deadline}, or null. */
    public Push lastBy(Instant deadline) {
        Push last = null;
        for (Push push : pushes) {
            if (!push.at().isAfter(deadline)) {
                last = push;
            }
        }
        return last;
    }

    /** The last push of all, or null. */
    public Push last() {
        return pushes.isEmpty() ? null : pushes.get(pushes.size() - 1);
    }

    /**
     * The push to grade: the last one that the policy gives anything (every push by the
     * deadline does; a late one, where its penalty is below 100 %), so that a late push that
     * would earn nothing never replaces work that earns something; else, with no such push,
     * the last one, so that the student still gets feedback. Null when nothing was pushed.
     */
    public Push choose(Instant deadline, LatePolicy policy) {
        if (deadline == null) {
            return last();
        }
        for (int i = pushes.size() - 1; i >= 0; i--) {
            Push push = pushes.get(i);
            if (!push.at().isAfter(deadline) || policy.penaltyPercent(java.time.Duration.between(deadline, push.at())) < 100) {
                return push;
            }
        }
        return last();
    }

    /** For the instructor: each push that rewrote history, when, and whether before the deadline. */
    public List<String> forcedFlags(Instant deadline) {
        return forced().stream().map(push -> Deadlines.FORCE_PUSH + Lateness.time(push.at())
                + (deadline == null ? "" : push.at().isAfter(deadline) ? " (after the deadline)" : " (before the deadline)")
                + ": history rewritten").toList();
    }

    /** The pushes that rewrote the branch's history. */
    public List<Push> forced() {
        return pushes.stream().filter(Push::forced).toList();
    }

    private static String text(JsonObject json, String member) {
        JsonElement value = json.get(member);
        return value == null || value.isJsonNull() ? "" : value.getAsString();
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
