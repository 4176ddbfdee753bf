package memolab.grader.grading;

import com.google.gson.Gson;
import memolab.grader.score.TestOutcome;

/**
 * One message from the JVM that runs a submission: it started, a test started, a test
 * finished, the student's captured output, the run finished, or it stopped itself because
 * tests never returned.
 *
 * @param type    "ready", "started", "outcome", "output", "finished" or "runaway"
 * @param test    the test's display name ("started"), or the tests that never returned ("runaway")
 * @param outcome the test's outcome ("outcome")
 * @param text    the captured output ("output")
 * @param cut     how many bytes of output were dropped past the cap ("output")
 * @param key     the test's class and method, {@code Class#method} ("started")
 */
record ChildEvent(String type, String test, TestOutcome outcome, String text, long cut, String key) {

    private static final Gson GSON = new Gson();

    static ChildEvent ready() {
        return new ChildEvent("ready", null, null, null, 0, null);
    }

    static ChildEvent started(String test, String key) {
        return new ChildEvent("started", test, null, null, 0, key);
    }

    static ChildEvent outcome(TestOutcome outcome) {
        return new ChildEvent("outcome", null, outcome, null, 0, null);
    }

    static ChildEvent output(String text, long cut) {
        return new ChildEvent("output", null, null, text, cut, null);
    }

    static ChildEvent finished() {
        return new ChildEvent("finished", null, null, null, 0, null);
    }

    /** The run stops itself: this test ran past its limit and its code is still running. */
    static ChildEvent runaway(String test) {
        return new ChildEvent("runaway", test, null, null, 0, null);
    }

    String toJson() {
        return GSON.toJson(this);
    }

    static ChildEvent fromJson(String json) {
        return GSON.fromJson(json, ChildEvent.class);
    }
}
