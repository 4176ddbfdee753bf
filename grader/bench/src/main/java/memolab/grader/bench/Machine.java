package memolab.grader.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The facts every figure is stated with: cores, processor, JDK, operating system. */
final class Machine {

    private Machine() {
    }

    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** One line, e.g. "2 cores (Intel Xeon ...), 24 GiB, OpenJDK 64-Bit Server VM 17.0.15, Linux amd64". */
    static String describe() {
        return String.format(java.util.Locale.ROOT, "%d cores (%s), %s %s, %s %s",
                cores(), processor(), System.getProperty("java.vm.name"), System.getProperty("java.version"),
                System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    private static String processor() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            try (Stream<String> lines = Files.lines(cpuinfo)) {
                return lines.filter(line -> line.startsWith("model name"))
                        .map(line -> line.substring(line.indexOf(':') + 1).trim().replaceAll("\\s+", " "))
                        .findFirst().orElse("processor unknown");
            } catch (IOException e) {
                return "processor unknown";
            }
        }
        return "processor unknown";
    }
}
