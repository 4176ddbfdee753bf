import java.lang.management.ManagementFactory;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Chapter 5: memoized recursion is fast but still deep: a cold fib(n) nests n calls.
 * Where the default stack ends, and three ways around it. Run: java docs/examples/StackDepth.java
 * With "deepest", the exact limit, once fib has been compiled as far as the JVM's flags let it:
 *   for run in 1 2 3; do for flags in -Xint -XX:TieredStopAtLevel=1 -XX:-TieredCompilation -XX:+TieredCompilation; do
 *     java $flags docs/examples/StackDepth.java deepest; done; done > docs/data/jvm-depth.txt
 */
public class StackDepth {

    static final class Memo {
        private final Map<Integer, BigInteger> cache = new HashMap<>();

        BigInteger fib(int n) {
            BigInteger value = cache.get(n);
            if (value == null) {
                value = n < 2 ? BigInteger.valueOf(n) : fib(n - 1).add(fib(n - 2));
                cache.put(n, value);
            }
            return value;
        }
    }

    /** Whether a cold fib(n) fits on this thread's stack. */
    static boolean fits(int n) {
        try {
            new Memo().fib(n);
            return true;
        } catch (StackOverflowError e) {
            return false;
        }
    }

    /** The largest n whose cold fib(n) fits, after 20,000 shallow calls have let the JIT compile fib. */
    static int deepest() {
        for (int i = 0; i < 20_000; i++) {
            new Memo().fib(50);
        }
        int fits = 1;
        int fails = 1_000_000;
        while (fails - fits > 1) {
            int middle = (fits + fails) >>> 1;
            if (fits(middle)) {
                fits = middle;
            } else {
                fails = middle;
            }
        }
        return fits;
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0 && args[0].equals("deepest")) {
            List<String> flags = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                    .filter(flag -> flag.startsWith("-X")).toList();
            System.out.printf("%s %s, %s: the deepest cold fib(n) on the default stack: n = %d%n",
                    System.getProperty("java.vm.name"), System.getProperty("java.version"),
                    flags.isEmpty() ? "default flags" : String.join(" ", flags), deepest());
            return;
        }
        int n = 1_000;
        while (fits(n)) {
            n *= 2;
        }
        System.out.printf("default stack: a cold fib(%,d) works, fib(%,d) throws StackOverflowError%n", n / 2, n);

        int big = 50_000;
        // snippet:bottom-up
        Memo warmed = new Memo();
        for (int k = 0; k <= big; k++) {
            warmed.fib(k); // fib(k - 1) and fib(k - 2) are cached already: two levels deep, never more
        }
        // end:bottom-up
        System.out.printf("bottom-up: fib(%,d) has %,d digits, no deep recursion%n",
                big, warmed.fib(big).toString().length());

        // snippet:loop
        BigInteger previous = BigInteger.ZERO; // fib(0)
        BigInteger current = BigInteger.ONE;   // fib(1)
        for (int k = 2; k <= big; k++) {
            BigInteger next = previous.add(current); // fib(k) = fib(k - 2) + fib(k - 1)
            previous = current;
            current = next;
        }
        // end:loop
        System.out.printf("a loop over two variables: fib(%,d) again, no cache at all (same digits: %s)%n",
                big, current.equals(warmed.fib(big)));

        // snippet:big-stack
        BigInteger[] result = new BigInteger[1];
        Thread thread = new Thread(null, () -> result[0] = new Memo().fib(big), "fib", 256L * 1024 * 1024);
        thread.start();
        thread.join();
        // end:big-stack
        System.out.printf("a thread with a 256 MB stack: a cold fib(%,d) works too (%s)%n",
                big, result[0] == null ? "it did not" : "same digits: " + result[0].equals(warmed.fib(big)));
    }
}
