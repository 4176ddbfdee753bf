package memolab.grader.runner;

import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles Java sources in-process with the JDK's compiler API. */
public final class JavaSources {

    private JavaSources() {
    }

    /**
     * The result of a compilation.
     *
     * @param success    whether class files were written
     * @param messages   the compiler's errors and warnings, each as "file:line: message"
     * @param unparsable the names of the files with a syntax error (an error the compiler met while
     *                   parsing them, before it looked at what they name)
     */
    public record Compilation(boolean success, List<String> messages, Set<String> unparsable) {
        public Compilation {
            messages = List.copyOf(messages);
            unparsable = Set.copyOf(unparsable);
        }

        /** A compilation whose messages say nothing of syntax. */
        public Compilation(boolean success, List<String> messages) {
            this(success, messages, Set.of());
        }
    }

    /**
     * Whether the compiler is given a file of this name: a {@code .java} file with no control
     * character in its name (a tab, a line break), which would not survive its request file, one
     * path per line. Other names compile as Maven compiles them.
     */
    public static boolean isCompilableFileName(String fileName) {
        return fileName.endsWith(".java") && fileName.length() > ".java".length()
                && fileName.codePoints().noneMatch(c -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029');
    }

    /** Why a file whose name {@link #isCompilableFileName} refuses is left out, for the student. */
    public static final String NOT_COMPILABLE_NAME = "a control character, a tab or a line break, in its name: rename it "
            + "after its class";

    /**
     * Compiles the sources into {@code outputDir} for Java 17, with debug information,
     * against the JDK alone (no class path).
     *
     * @throws IllegalStateException if this Java runtime has no compiler (a JRE, not a JDK)
     */
    public static Compilation compile(List<Path> sources, Path outputDir) throws IOException {
        return compile(sources, outputDir, List.of());
    }

    /**
     * As {@link #compile(List, Path)}, with {@code classPath} (folders and jars) visible too:
     * a student's own tests compile against the stubs and the test libraries.
     */
    public static Compilation compile(List<Path> sources, Path outputDir, List<Path> classPath) throws IOException {
        return compile(sources, outputDir, classPath, true);
    }

    /**
     * As {@link #compile(List, Path, List)}, with no debug information at all when
     * {@code debugInfo} is false: no line numbers, source file names or local variables, so
     * a stack trace through these classes names methods only. The caches a student's own
     * tests run on are compiled so: a test that read line numbers in a trace would tell a
     * bug from a correct cache by where it is, not by what it does.
     */
    public static Compilation compile(List<Path> sources, Path outputDir, List<Path> classPath, boolean debugInfo)
            throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("No Java compiler in this runtime: run the grader on a JDK, not a JRE.");
        }
        Files.createDirectories(outputDir);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            // Only the JDK and the sources themselves: nothing of the grader, the test libraries or the class path
            // this JVM runs with is visible to a submission, not even at compile time.
            StringBuilder path = new StringBuilder(outputDir.toString());
            classPath.forEach(entry -> path.append(java.io.File.pathSeparator).append(entry));
            List<String> options = List.of("--release", "17", debugInfo ? "-g" : "-g:none", "-encoding", "UTF-8", "-proc:none",
                    "-implicit:none", "-classpath", path.toString(), "-sourcepath", outputDir.toString(),
                    "-d", outputDir.toString());
            StringWriter out = new StringWriter();
            // An error reported while a file is parsed is a syntax error; javac parses every file before it enters any.
            Set<String> unparsable = new java.util.TreeSet<>();
            boolean[] parsing = {false};
            javax.tools.DiagnosticListener<JavaFileObject> listener = d -> {
                diagnostics.report(d);
                if (parsing[0] && d.getKind() == Diagnostic.Kind.ERROR && d.getSource() != null) {
                    unparsable.add(Path.of(d.getSource().toUri()).getFileName().toString());
                }
            };
            JavacTask task = (JavacTask) compiler.getTask(out, files, listener, options, null,
                    files.getJavaFileObjectsFromPaths(sources));
            task.addTaskListener(new TaskListener() {
                @Override
                public void started(TaskEvent e) {
                    parsing[0] = e.getKind() == TaskEvent.Kind.PARSE;
                }

                @Override
                public void finished(TaskEvent e) {
                    parsing[0] = false;
                }
            });
            boolean success = task.call();
            List<String> messages = new ArrayList<>();
            Map<JavaFileObject, String> texts = new HashMap<>();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                String file = d.getSource() == null ? "" : Path.of(d.getSource().toUri()).getFileName() + ":" + d.getLineNumber() + ": ";
                String message = d.getMessage(Locale.ROOT);
                String where = d.getSource() == null ? ""
                        : pointedAt(d.getPosition(), texts.computeIfAbsent(d.getSource(), JavaSources::text));
                int firstLine = message.indexOf('\n');
                // As javac prints it: the message's first line, the source line and a caret under the column, then the rest.
                messages.add(file + d.getKind().toString().toLowerCase(Locale.ROOT) + ": " + (firstLine < 0 ? message + where
                        : message.substring(0, firstLine) + where + message.substring(firstLine)));
            }
            if (!out.toString().isBlank()) {
                messages.add(out.toString().strip());
            }
            return new Compilation(success, messages, unparsable);
        }
    }

    /** A source file's text, as javac read it; empty when it cannot be read again. */
    private static String text(JavaFileObject source) {
        try {
            return source.getCharContent(true).toString();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /**
     * The line of {@code text} that holds {@code position} (a diagnostic's, in characters from
     * the start) and a caret under that position, each on a line of its own after a newline, as
     * javac prints them: {@code "\n        int x = 3\n                 ^"}. The caret's line keeps
     * the source line's tabs, so that it lines up under any tab width. A line too long to show
     * whole is cut around the position, each cut marked {@code ...}. Empty when the position is
     * not in the text.
     */
    public static String pointedAt(long position, String text) {
        if (position < 0 || position > text.length()) {
            return "";
        }
        int at = (int) position;
        int start = at;
        while (start > 0 && text.charAt(start - 1) != '\n' && text.charAt(start - 1) != '\r') {
            start--;
        }
        int end = at;
        while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
            end++;
        }
        String before = "";
        String after = "";
        if (end - start > MAX_SHOWN_LINE) {
            int from = Math.max(start, at - SHOWN_BEFORE);
            int to = Math.min(end, at + SHOWN_AFTER);
            before = from > start ? "..." : "";
            after = to < end ? "..." : "";
            start = from;
            end = to;
        }
        StringBuilder caret = new StringBuilder(" ".repeat(before.length()));
        for (int i = start; i < at; i++) {
            caret.append(text.charAt(i) == '\t' ? '\t' : ' ');
        }
        return "\n" + before + text.substring(start, end) + after + "\n" + caret.append('^');
    }

    /** How much of a line too long to show whole is shown before the position, and after. */
    private static final int SHOWN_BEFORE = 100;
    private static final int SHOWN_AFTER = 60;

    /** The longest source line a message shows whole. */
    private static final int MAX_SHOWN_LINE = 200;
}
