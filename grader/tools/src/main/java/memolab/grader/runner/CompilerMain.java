package memolab.grader.runner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The entry point of a JVM that compiles submissions, one after another: each line on its
 * standard input names a request file and a result file, separated by a tab. The request
 * holds the output folder on its first line, then one source per line; the result gets
 * "success" or "failure" on its first line, {@link #UNPARSABLE} and the names of the files with
 * a syntax error (each after a tab) on its second, then the compiler's messages, each ended by
 * a line holding only {@link #END}; then this JVM prints {@link #DONE} on a line of its own.
 * Its own JVM bounds the compiler's memory and time, whatever the sources are (see
 * {@code BoundedCompile}).
 */
public final class CompilerMain {

    /** The line that ends each message in the result file: messages span lines, and no message holds a NUL. */
    public static final String END = "\u0000";

    /** What this JVM prints when a result file is written. */
    public static final String DONE = "memolab-compiled";

    /** What the result's second line starts with: the files with a syntax error follow it, each after a tab. */
    public static final String UNPARSABLE = "unparsable";

    /** A request's line that names a class path entry rather than a source file. */
    public static final String CLASS_PATH = "class-path=";

    private CompilerMain() {
    }

    public static void main(String[] args) throws IOException {
        BufferedReader requests = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = requests.readLine(); line != null; line = requests.readLine()) {
            String[] files = line.split("\t");
            compile(Path.of(files[0]), Path.of(files[1]));
            System.out.println(DONE);
            System.out.flush();
        }
    }

    private static void compile(Path requestFile, Path resultFile) throws IOException {
        List<String> request = Files.readAllLines(requestFile, StandardCharsets.UTF_8);
        Path output = Path.of(request.get(0));
        List<Path> sources = new ArrayList<>();
        List<Path> classPath = new ArrayList<>();
        request.subList(1, request.size()).forEach(line -> {
            if (line.startsWith(CLASS_PATH)) {
                classPath.add(Path.of(line.substring(CLASS_PATH.length())));
            } else {
                sources.add(Path.of(line));
            }
        });
        JavaSources.Compilation compilation = JavaSources.compile(sources, output, classPath);
        StringBuilder result = new StringBuilder(compilation.success() ? "success" : "failure").append('\n');
        result.append(UNPARSABLE);
        compilation.unparsable().stream().filter(name -> name.chars().noneMatch(c -> c == '\t' || c == '\n' || c == '\r'))
                .forEach(name -> result.append('\t').append(name));
        result.append('\n');
        for (String message : compilation.messages()) {
            result.append(message.replace(END, "")).append('\n').append(END).append('\n');
        }
        Files.writeString(resultFile, result, StandardCharsets.UTF_8);
    }
}
