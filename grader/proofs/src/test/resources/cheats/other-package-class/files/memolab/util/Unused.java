// Cheat (probe): a class in package memolab.util that nothing uses; grading should leave it out
// and name it in the report, since a student's classes belong in package memolab.
package memolab.util;

public final class Unused {

    private Unused() {
    }

    public static int answer() {
        return 42;
    }
}
