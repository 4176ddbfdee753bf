package memolab.grader.grading;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
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
 *
 * <p>A compiler JVM serves one compilation after another ({@link CompilerMain} reads its
 * requests from standard input), so that only the first of a batch pays for starting the JVM
 * and warming the compiler (about 0.9 s, against 0.1 s warm); one that runs out of time,
 * memory or stack is killed and never used again, and the next compilation starts a fresh
 * one. There are at most as many as submissions being compiled at once.
 */
final class BoundedCompile {

    /** The compiler's heap: ample for any solution (javac needs about 100 MB for the reference). */
    static final String HEAP = "512m";

    /** The compiler's time: the reference compiles in about a second in a fresh JVM. */
    static final long TIMEOUT_SECONDS = 60;

    /** How much of the compiler's own output (a crash's stack, an out-of-memory line) is kept. */
    private static final int OUTPUT_CAP = 16 * 1024;

    /** Compiler JVMs that finished their last compilation well, waiting for the next. */
    private static final ConcurrentLinkedQueue<Compiler> IDLE = new ConcurrentLinkedQueue<>();

    private BoundedCompile() {
    }

    /**
     * Compiles {@code sources} into {@code classes}, scratch files in {@code work}.
     *
     * @return the compilation; a failure's messages say what stopped it when the compiler
     *         itself did not finish (out of memory, out of time, a crash)
     */
    static JavaSources.Compilation compile(List<Path> sources, Path classes, Path work) throws IOException {
        return compile(sources, classes, work, List.of());
    }

    /** As {@link #compile(List, Path, Path)}, against {@code classPath} too (a student's own tests: the stubs and the test libraries). */
    public static JavaSources.Compilation compile(List<Path> sources, Path classes, Path work, List<Path> classPath) throws IOException {
        Files.createDirectories(classes);
        Path request = work.resolve("compile-request.txt");
        Path result = work.resolve("compile-result.txt");
        Files.deleteIfExists(result);
        List<String> lines = new ArrayList<>();
        lines.add(classes.toAbsolutePath().toString());
        sources.forEach(s -> lines.add(s.toAbsolutePath().toString()));
        classPath.forEach(entry -> lines.add(CompilerMain.CLASS_PATH + entry.toAbsolutePath()));
        Files.write(request, lines, StandardCharsets.UTF_8);
        Compiler compiler = IDLE.poll();
        if (compiler == null || !compiler.process.isAlive()) {
            compiler = Compiler.start();
        }
        boolean done;
        try {
            done = compiler.run(request, result);
        } catch (InterruptedException e) {
            compiler.kill();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while compiling", e);
        }
        String own = compiler.said.text().strip();
        if (!done) {
            boolean timedOut;
            try { // a compiler that just died may still look alive for a moment: it did not run out of time
                timedOut = !compiler.process.waitFor(2, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                compiler.kill();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while compiling", e);
            }
            compiler.kill();
            if (timedOut) {
                return failed("The compiler was stopped after " + TIMEOUT_SECONDS + " s without finishing (the reference "
                        + "compiles in about a second): something in your sources makes it work far too hard.", own);
            }
            int exit = compiler.process.exitValue();
            String why = exit == 3 && own.contains("OutOfMemoryError")
                    ? "The compiler ran out of memory (its limit is " + HEAP + "; the reference needs about 100 MB): "
                            + "something in your sources makes it work far too hard."
                    : "The compiler stopped with exit code " + exit + " before it finished.";
            return failed(why, own);
        }
        List<String> resultLines = Files.readAllLines(result, StandardCharsets.UTF_8);
        List<String> messages = new ArrayList<>();
        StringBuilder message = new StringBuilder();
        java.util.Set<String> unparsable = new java.util.TreeSet<>(List.of(resultLines.get(1).split("\t")));
        unparsable.remove(CompilerMain.UNPARSABLE);
        for (String line : resultLines.subList(2, resultLines.size())) {
            if (line.equals(CompilerMain.END)) {
                messages.add(message.toString());
                message.setLength(0);
            } else {
                message.append(message.length() == 0 ? "" : "\n").append(line);
            }
        }
        messages.replaceAll(m -> firstLines(m, 12));
        boolean stackOverflow = own.contains("StackOverflowError")
                || messages.stream().anyMatch(m -> m.contains("java.lang.StackOverflowError"));
        if (stackOverflow) {
            // The compiler survived, but a JVM whose compiler ran out of stack serves no one else.
            compiler.kill();
            messages.add(0, "error: The compiler itself ran out of stack on your code: something in it is nested far too "
                    + "deep (parentheses, blocks, a chain of thousands of + or ?:). The compiler's own words follow.");
        } else {
            IDLE.add(compiler);
        }
        if (!own.isEmpty()) {
            messages.add(firstLines(own, 12));
        }
        return new JavaSources.Compilation(resultLines.get(0).equals("success"), messages, unparsable);
    }

    /** One compiler JVM: its process, and what it printed beside its results since its last compilation. */
    private static final class Compiler {
        final Process process;
        final OutputStream requests;
        final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
        volatile CappedOutput said = new CappedOutput(OUTPUT_CAP);

        private Compiler(Process process) {
            this.process = process;
            this.requests = process.getOutputStream();
            Thread reader = new Thread(this::readReplies, "memolab-compiler-output");
            reader.setDaemon(true);
            reader.start();
        }

        static Compiler start() throws IOException {
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            String classPath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                    .map(entry -> Path.of(entry).toAbsolutePath().toString()).collect(Collectors.joining(File.pathSeparator));
            List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx" + HEAP, "-XX:+ExitOnOutOfMemoryError",
                    "-XX:TieredStopAtLevel=1", "-Xshare:auto"));
            command.addAll(SubmissionGrader.SMALL_HEAP_FLAGS);
            command.addAll(List.of("-cp", classPath, CompilerMain.class.getName()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().clear();
            builder.environment().put("LANG", "C.UTF-8");
            return new Compiler(builder.start());
        }

        /** Sends one request; whether its result was written within the time limit. */
        boolean run(Path request, Path result) throws IOException, InterruptedException {
            said = new CappedOutput(OUTPUT_CAP);
            replies.clear();
            requests.write((request.toAbsolutePath() + "\t" + result.toAbsolutePath() + "\n").getBytes(StandardCharsets.UTF_8));
            requests.flush();
            String reply = replies.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return CompilerMain.DONE.equals(reply) && Files.isRegularFile(result);
        }

        /** Its standard output: the reply to each request, and anything else it printed (kept for the report). */
        private void readReplies() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.equals(CompilerMain.DONE)) {
                        replies.add(line);
                    } else {
                        said.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                    }
                }
            } catch (IOException e) {
                // the compiler is gone; what was read is kept
            }
            replies.add("ended");
        }

        void kill() {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
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
}
