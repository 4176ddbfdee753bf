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
 */
record ChildEvent(String type, String test, TestOutcome outcome, String text, long cut) {

    private static final Gson GSON = new Gson();

    static ChildEvent ready() {
        return new ChildEvent("ready", null, null, null, 0);
    }

    static ChildEvent started(String test) {
        return new ChildEvent("started", test, null, null, 0);
    }

    static ChildEvent outcome(TestOutcome outcome) {
        return new ChildEvent("outcome", null, outcome, null, 0);
    }

    static ChildEvent output(String text, long cut) {
        return new ChildEvent("output", null, null, text, cut);
    }

    static ChildEvent finished() {
        return new ChildEvent("finished", null, null, null, 0);
    }

    /** The run stops itself: these tests ran past their limit and their code is still running. */
    static ChildEvent runaway(String tests) {
        return new ChildEvent("runaway", tests, null, null, 0);
    }

    String toJson() {
        return GSON.toJson(this);
    }

    static ChildEvent fromJson(String json) {
        return GSON.fromJson(json, ChildEvent.class);
    }
}
