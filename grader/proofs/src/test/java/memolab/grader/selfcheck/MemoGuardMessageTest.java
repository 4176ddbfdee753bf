package memolab.grader.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import memolab.grader.score.Score;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the memo rule says of a Fibonacci that does keep its results, but looks them up so that no miss is counted. */
class MemoGuardMessageTest {

    @TempDir
    Path sources;

    @Test
    @DisplayName("a memo that asks containsKey before get is told that no miss was counted, not that it never looked up")
    void containsKeyThenGetIsToldWhatIsMissing() throws IOException {
        String reference = Files.readString(Submissions.REFERENCE.resolve("Fibonacci.java"), StandardCharsets.UTF_8);
        String lookUp = "        return cache.computeIfAbsent(n, k -> k < 2 ? BigInteger.valueOf(k) : fib(k - 1).add(fib(k - 2)));";
        assertThat(reference).contains(lookUp);
        Files.writeString(sources.resolve("Fibonacci.java"), reference.replace(lookUp, """
                        if (cache.containsKey(n)) {
                            return cache.get(n);
                        }
                        BigInteger value = n < 2 ? BigInteger.valueOf(n) : fib(n - 1).add(fib(n - 2));
                        cache.put(n, value);
                        return value;
                """), StandardCharsets.UTF_8);
        Score score = Submissions.grade(Submissions.compile("memo-containskey", Submissions.REFERENCE, sources), false);
        assertThat(score.outcomes()).filteredOn(o -> o.displayName().equals("Fibonacci keeps its results in its LruCache"))
                .singleElement().satisfies(o -> assertThat(o.message())
                        .contains("it counted hits but no miss, so no fib(k) looked k up with get before it was stored")
                        .contains("containsKey only peeks")
                        .doesNotContain("never looked up"));
    }
}
