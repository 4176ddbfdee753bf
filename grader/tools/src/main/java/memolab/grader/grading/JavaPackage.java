package memolab.grader.grading;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the package a Java source file declares, the way the compiler does: after
 * translating Unicode escapes ({@code \u0070ackage} is {@code package}) and skipping
 * comments. The grader compiles only files of package {@code memolab}, so this must not be
 * fooled by a declaration hidden from a plain text search.
 */
final class JavaPackage {

    private static final Pattern DECLARATION =
            Pattern.compile("\\s*package\\s+([\\p{javaJavaIdentifierPart}.\\s]+?)\\s*;", Pattern.DOTALL);

    private JavaPackage() {
    }

    /**
     * The declared package, e.g. {@code memolab}; empty for the unnamed package.
     *
     * @param source the file's text as the compiler reads it (see {@link Submission#withoutByteOrderMark})
     */
    static String of(String source) {
        String text = withoutComments(unicodeEscapesTranslated(source));
        Matcher matcher = DECLARATION.matcher(text);
        if (!matcher.lookingAt()) {
            return "";
        }
        return matcher.group(1).replaceAll("\\s", "");
    }

    /** JLS 3.3: a backslash preceded by an even number of backslashes, then u (one or more), then four hex digits. */
    static String unicodeEscapesTranslated(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '\\') {
                int backslashes = 0;
                for (int j = out.length() - 1; j >= 0 && out.charAt(j) == '\\'; j--) {
                    backslashes++;
                }
                int u = i + 1;
                while (u < source.length() && source.charAt(u) == 'u') {
                    u++;
                }
                if (backslashes % 2 == 0 && u > i + 1 && u + 4 <= source.length() && isHex(source, u, u + 4)) {
                    out.append((char) Integer.parseInt(source.substring(u, u + 4), 16));
                    i = u + 4;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static boolean isHex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The text with comments replaced by a space; string and character literals are kept as they are. */
    static String withoutComments(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            char next = i + 1 < source.length() ? source.charAt(i + 1) : 0;
            if (c == '/' && next == '/') {
                int end = source.indexOf('\n', i);
                i = end < 0 ? source.length() : end;
                out.append(' ');
            } else if (c == '/' && next == '*') {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? source.length() : end + 2;
                out.append(' ');
            } else if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < source.length() && source.charAt(end) != c && source.charAt(end) != '\n') {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(end + 1, source.length());
                out.append(source, i, end);
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
