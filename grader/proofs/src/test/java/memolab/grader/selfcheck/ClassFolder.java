package memolab.grader.selfcheck;

import java.nio.file.Path;
import java.util.List;

/**
 * Writes a class of 40 submissions for the grader benchmark ({@code grader/bench/grade-class.sh}):
 * 6 copies of the reference, the stubs, the 24 corpus variants and the 9 hostile ones, each
 * laid out as a student's repository. Run with {@code -Dbasedir=<grader module>}.
 */
public final class ClassFolder {

    private ClassFolder() {
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]);
        int count = 0;
        for (int i = 1; i <= 6; i++) {
            Submissions.materialize(target, "reference-" + i, null);
            count++;
        }
        Submissions.materialize(target, "stubs", Submissions.STUBS);
        count++;
        for (String name : Submissions.corpusNames()) {
            Submissions.materialize(target, name, Submissions.variantSources(Submissions.CORPUS, name));
            count++;
        }
        for (String name : List.of("infinite-loop", "system-exit", "out-of-memory", "thread-never-ends", "huge-output",
                "forged-results", "compile-error", "missing-method", "stack-overflow")) {
            Submissions.materialize(target, "hostile-" + name, Submissions.variantSources(Submissions.HOSTILE, name));
            count++;
        }
        System.out.println(count + " submissions in " + target);
    }
}
