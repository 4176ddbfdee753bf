package memolab.grader.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A benchmark's trial in a fresh JVM of its own, as grading runs a submission's suite: what it printed. */
final class TrialJvm {

    /** The lines the trial printed, and whether it ended by itself with exit code 0 within its time. */
    record Output(List<String> lines, boolean normal) {
    }

    private TrialJvm() {
    }

    /**
     * Runs {@code main} with {@code args} in a JVM of a 512 MB heap and {@code flags}, on
     * {@code classpath}; its standard error goes to this JVM's. One that runs 10 minutes is
     * ended, as not normal.
     */
    static Output run(List<String> flags, String classpath, Class<?> main, List<String> args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m"));
        command.addAll(flags);
        command.addAll(List.of("-cp", classpath, main.getName()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        }
        boolean normal = process.waitFor(10, TimeUnit.MINUTES) && process.exitValue() == 0;
        if (!normal) {
            process.destroyForcibly();
        }
        return new Output(lines, normal);
    }
}
