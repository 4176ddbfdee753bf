package memolab.grader.grading;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import memolab.grader.runner.CompilerMain;
import memolab.grader.runner.JavaSources;

/**
 * The grading step that compiles a submission, in a JVM of its own with a heap and a time
 * limit of its own: whatever the sources hold (a file of megabytes, expressions nested a
 * hundred thousand deep), the compiler can neither exhaust the grader's memory nor hold a
 * worker for ever, and its verdict does not depend on the grader's heap. What the compiler
 * says, errors and its own words alike, reaches the report.
 */
final class BoundedCompile {

    /** The compiler's heap: ample for any solution (javac needs about 100 MB for the reference). */
    static final String HEAP = "512m";

    /** The compiler's time: the reference compiles in about a second. */
    static final long TIMEOUT_SECONDS = 60;

    /** How much of the compiler's own output (a crash's stack, an out-of-memory line) is kept. */
    private static final int OUTPUT_CAP = 16 * 1024;

    private BoundedCompile() {
    }

    /**
     * Compiles {@code sources} into {@code classes}, scratch files in {@code work}.
     *
     * @return the compilation; a failure's messages say what stopped it when the compiler
     *         itself did not finish (out of memory, out of time, a crash)
     */
    static JavaSources.Compilation compile(List<Path> sources, Path classes, Path work) throws IOException {
        Files.createDirectories(classes);
        Path request = work.resolve("compile-request.txt");
        Path result = work.resolve("compile-result.txt");
        Files.deleteIfExists(result);
        List<String> lines = new ArrayList<>();
        lines.add(classes.toAbsolutePath().toString());
        sources.forEach(s -> lines.add(s.toAbsolutePath().toString()));
        Files.write(request, lines, StandardCharsets.UTF_8);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String classPath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString()).collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx" + HEAP, "-XX:+ExitOnOutOfMemoryError",
                "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", classPath, CompilerMain.class.getName(),
                request.toAbsolutePath().toString(), result.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().put("LANG", "C.UTF-8");
        Process process = builder.start();
        process.getOutputStream().close();
        CappedOutput said = new CappedOutput(OUTPUT_CAP);
        Thread reader = new Thread(() -> copy(process.getInputStream(), said), "memolab-compiler-output");
        reader.setDaemon(true);
        reader.start();
        boolean ended;
        try {
            ended = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!ended) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            reader.join(5_000);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while compiling", e);
        }
        String own = said.text().strip();
        if (!ended) {
            return failed("The compiler was stopped after " + TIMEOUT_SECONDS + " s without finishing (the reference "
                    + "compiles in about a second): something in your sources makes it work far too hard.", own);
        }
        if (process.exitValue() != 0 || !Files.isRegularFile(result)) {
            String why = process.exitValue() == 3 && own.contains("OutOfMemoryError")
                    ? "The compiler ran out of memory (its limit is " + HEAP + "; the reference needs about 100 MB): "
                            + "something in your sources makes it work far too hard."
                    : "The compiler stopped with exit code " + process.exitValue() + " before it finished.";
            return failed(why, own);
        }
        List<String> resultLines = Files.readAllLines(result, StandardCharsets.UTF_8);
        List<String> messages = new ArrayList<>();
        StringBuilder message = new StringBuilder();
        for (String line : resultLines.subList(1, resultLines.size())) {
            if (line.equals(CompilerMain.END)) {
                messages.add(message.toString());
                message.setLength(0);
            } else {
                message.append(message.length() == 0 ? "" : "\n").append(line);
            }
        }
        messages.replaceAll(m -> firstLines(m, 12));
        if (own.contains("StackOverflowError") || messages.stream().anyMatch(m -> m.contains("java.lang.StackOverflowError"))) {
            messages.add(0, "error: The compiler itself ran out of stack on your code: something in it is nested far too "
                    + "deep (parentheses, blocks, a chain of thousands of + or ?:). The compiler's own words follow.");
        }
        if (!own.isEmpty()) {
            messages.add(firstLines(own, 12));
        }
        return new JavaSources.Compilation(resultLines.get(0).equals("success"), messages);
    }

    private static JavaSources.Compilation failed(String why, String own) {
        List<String> messages = new ArrayList<>(List.of("error: " + why));
        if (!own.isEmpty()) {
            messages.add(firstLines(own, 12));
        }
        return new JavaSources.Compilation(false, messages);
    }

    /** The first lines of the compiler's own output (a crash's stack is hundreds of lines of the compiler's code). */
    private static String firstLines(String text, int lines) {
        List<String> all = text.lines().toList();
        return all.size() <= lines ? text
                : String.join("\n", all.subList(0, lines)) + "\n(" + (all.size() - lines) + " more lines of the compiler's own)";
    }

    private static void copy(InputStream in, CappedOutput out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException ignored) {
            // the compiler is gone; what was read is kept
        }
    }
}
