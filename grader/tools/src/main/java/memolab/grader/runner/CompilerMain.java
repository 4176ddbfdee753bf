package memolab.grader.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The entry point of the JVM that compiles one submission: {@code CompilerMain <request>
 * <result>}. The request file holds the output folder on its first line, then one source
 * per line; the result file gets "success" or "failure" on its first line, then the
 * compiler's messages, each ended by a line holding only {@link #END}. Its own JVM bounds the
 * compiler's memory and time, whatever the sources are (see {@code BoundedCompile}).
 */
public final class CompilerMain {

    /** The line that ends each message in the result file: messages span lines, and no message holds a NUL. */
    public static final String END = "\u0000";

    private CompilerMain() {
    }

    public static void main(String[] args) throws IOException {
        List<String> request = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
        Path output = Path.of(request.get(0));
        List<Path> sources = new ArrayList<>();
        request.subList(1, request.size()).forEach(line -> sources.add(Path.of(line)));
        JavaSources.Compilation compilation = JavaSources.compile(sources, output);
        StringBuilder result = new StringBuilder(compilation.success() ? "success" : "failure").append('\n');
        for (String message : compilation.messages()) {
            result.append(message.replace(END, "")).append('\n').append(END).append('\n');
        }
        Files.writeString(Path.of(args[1]), result, StandardCharsets.UTF_8);
    }
}
