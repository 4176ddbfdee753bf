package memolab.grader.score;

/**
 * Text that came from student code (a test's message quotes it; its output is printed as is),
 * made safe to put in a report: control characters other than line breaks and tabs removed
 * (a terminal escape would repaint the reader's screen), invisible format characters too (a
 * bidi override reorders what is shown), and a code block fenced so that no
 * run of backticks in the text can close it and have the rest read as the report's own words.
 */
public final class PlainText {

    /** The longest message of one test in a report; a longer one is cut, and says so. */
    public static final int MESSAGE_CAP = 4_096;

    private PlainText() {
    }

    /** {@code text} without control characters other than newline and tab, nor format characters, cut to {@code cap} characters. */
    public static String clean(String text, int cap) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), cap) + 64);
        for (int i = 0; i < text.length() && out.length() < cap; i++) {
            char c = text.charAt(i);
            if (Character.getType(c) == Character.FORMAT) {
                continue; // invisible: a bidi override or a zero-width character would hide or reorder what is shown
            }
            if (c == '\n' || c == '\t' || !Character.isISOControl(c)) {
                out.append(c);
            } else if (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                out.append('\n');
            }
        }
        if (out.length() >= cap && text.length() > cap) {
            out.append("\n[cut: the rest of this text was longer than ").append(cap).append(" characters]");
        }
        return out.toString();
    }

    /** A Markdown code block holding {@code text}, with a fence longer than any run of backticks in it. */
    public static String codeBlock(String text) {
        String fence = "`".repeat(Math.max(3, longestBacktickRun(text) + 1));
        return fence + "\n" + text.strip() + "\n" + fence + "\n";
    }

    /**
     * A name from a submission (a file's) as a report shows it in a sentence: on one line, every
     * control or line-separator character shown as {@code ?}, in a Markdown code span, so that
     * nothing in it (a heading, a link, emphasis) reads as the report's own words.
     */
    public static String inlineCode(String name) {
        String text = oneLine(name);
        String fence = "`".repeat(longestBacktickRun(text) + 1);
        String pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
        return fence + pad + text + pad + fence;
    }

    /**
     * A name from a submission as a console line or a CSV cell shows it: every control or
     * line-separator character shown as {@code ?} (a carriage return would overwrite the line, a
     * newline start a fake one), invisible format characters (a bidi override) left out.
     */
    public static String oneLine(String name) {
        StringBuilder line = new StringBuilder(name.length());
        name.codePoints().filter(c -> Character.getType(c) != Character.FORMAT)
                .forEach(c -> line.appendCodePoint(Character.isISOControl(c) || c == 0x2028 || c == 0x2029 ? '?' : c));
        return line.toString();
    }

    private static int longestBacktickRun(String text) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }
}
