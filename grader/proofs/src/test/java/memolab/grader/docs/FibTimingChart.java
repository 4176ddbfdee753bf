package memolab.grader.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The tutorial's plot: naive vs memoized {@code fib(n)} time for n = 20 to 40, on a log
 * scale. The measurement ({@code ./mvnw -B -Pbench verify -Dbench=plot}) writes
 * {@code docs/data/fib-timing.csv}; this class draws {@code docs/images/fib-timing.svg}
 * from it, with the data's SHA-256 in the file, so that the docs check can tell a stale
 * picture from a fresh one.
 */
public final class FibTimingChart {

    public static final String CSV = "docs/data/fib-timing.csv";
    public static final String SVG = "docs/images/fib-timing.svg";

    /** One n: the median naive and memoized times, in nanoseconds. */
    public record Point(int n, double naiveNanos, double memoNanos) {
    }

    /** The measurement: where it ran, how, and the points. */
    public record Data(String machine, String method, List<Point> points) {
        Point at(int n) {
            return points.stream().filter(p -> p.n() == n).findFirst()
                    .orElseThrow(() -> new IllegalStateException(CSV + " has no row for n = " + n));
        }
    }

    private FibTimingChart() {
    }

    /** Writes the CSV and the SVG drawn from it (the tutorial's are {@link #CSV} and {@link #SVG}). */
    public static void write(Path csvFile, Path svgFile, Data data) throws IOException {
        StringBuilder csv = new StringBuilder();
        csv.append("# machine: ").append(data.machine()).append('\n');
        csv.append("# method: ").append(data.method()).append('\n');
        csv.append("n,naive_ns,memo_ns\n");
        for (Point p : data.points()) {
            csv.append(String.format(Locale.ROOT, "%d,%.0f,%.0f%n", p.n(), p.naiveNanos(), p.memoNanos()));
        }
        Files.createDirectories(csvFile.toAbsolutePath().getParent());
        Files.writeString(csvFile, csv, StandardCharsets.UTF_8);
        Files.createDirectories(svgFile.toAbsolutePath().getParent());
        Files.writeString(svgFile, render(data, sha256(csv.toString())), StandardCharsets.UTF_8);
    }

    /** Rewrites the tutorial's sentence that quotes the measurement (chapter 1). */
    public static void refreshTutorial(Path repo) throws IOException {
        Path page = repo.resolve("docs/1-memoization.md");
        String text = Files.readString(page, StandardCharsets.UTF_8);
        List<DocBlocks.Block> blocks = DocBlocks.find(text).stream()
                .filter(b -> b.kind() == DocBlocks.Kind.GENERATED && b.source().equals("fib-timing")).toList();
        Files.writeString(page, DocBlocks.replace(text, blocks, b -> summary(read(repo))), StandardCharsets.UTF_8);
    }

    public static Data read(Path repo) {
        try {
            List<String> lines = Files.readAllLines(repo.resolve(CSV), StandardCharsets.UTF_8);
            String machine = value(lines, "# machine: ");
            String method = value(lines, "# method: ");
            List<Point> points = new ArrayList<>();
            for (String line : lines) {
                if (!line.startsWith("#") && !line.startsWith("n,") && !line.isBlank()) {
                    String[] cells = line.split(",");
                    points.add(new Point(Integer.parseInt(cells[0]), Double.parseDouble(cells[1]),
                            Double.parseDouble(cells[2])));
                }
            }
            return new Data(machine, method, points);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fingerprint the SVG carries: of the CSV it was drawn from. */
    static String dataFingerprint(Path repo) throws IOException {
        return sha256(Files.readString(repo.resolve(CSV), StandardCharsets.UTF_8).replace("\r\n", "\n"));
    }

    static String fingerprintLine(String sha) {
        return "<!-- drawn from " + CSV + ", sha256 " + sha + " -->";
    }

    /** The two lines' names, in chapter 1's own terms (the chapter comes before LruCache). */
    static final String NAIVE = "naive recursion (one call)";
    static final String MEMO = "memoized (a fresh cache for each call)";

    private static final int WIDTH = 760;
    private static final int HEIGHT = 460;
    private static final int LEFT = 100;
    private static final int RIGHT = 20;
    private static final int TOP = 64;
    private static final int BOTTOM = 96;
    private static final String NAIVE_COLOUR = "#c0392b";
    private static final String MEMO_COLOUR = "#2471a3";

    /**
     * The chart as an SVG document written line by line: every word and number in it is a
     * {@code <text>} element (selectable, read aloud, found by search), with a title and a
     * description for screen readers.
     */
    static String render(Data data, String sha) {
        double minLog = Math.floor(Math.log10(data.points().stream().mapToDouble(p -> p.memoNanos() / 1e3).min().orElse(1)));
        double maxLog = Math.ceil(Math.log10(data.points().stream().mapToDouble(p -> p.naiveNanos() / 1e3).max().orElse(10)));
        maxLog = Math.max(maxLog, minLog + 1);
        int firstN = data.points().get(0).n();
        int lastN = data.points().get(data.points().size() - 1).n();
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double spanN = Math.max(1, lastN - firstN) + 1.0;
        java.util.function.DoubleUnaryOperator x = n -> LEFT + (n - firstN + 0.5) / spanN * plotWidth;
        double lowLog = minLog;
        double highLog = maxLog;
        java.util.function.DoubleUnaryOperator y = micros -> TOP + (highLog - Math.log10(micros)) / (highLog - lowLog) * plotHeight;

        StringBuilder svg = new StringBuilder();
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n").append(fingerprintLine(sha)).append('\n');
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" role=\"img\" aria-labelledby=\"title desc\" font-family=\"sans-serif\">%n",
                WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append("<title id=\"title\">fib(n): naive vs memoized, time per call on a log scale</title>\n");
        svg.append("<desc id=\"desc\">").append(escape(summary(data).strip())).append("</desc>\n");
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>%n", WIDTH, HEIGHT));
        text(svg, WIDTH / 2.0, 24, "middle", "font-size=\"20\" font-weight=\"bold\"", "fib(n): naive vs memoized");
        text(svg, WIDTH / 2.0, 44, "middle", "font-size=\"12\"", "median times measured on " + data.machine());

        svg.append("<g stroke=\"#d3d3d3\" stroke-width=\"1\">\n");
        for (int power = (int) minLog; power <= (int) maxLog; power++) {
            double py = y.applyAsDouble(Math.pow(10, power));
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>%n", LEFT, py, WIDTH - RIGHT, py));
        }
        for (int n = firstN; n <= lastN; n += 2) {
            double px = x.applyAsDouble(n);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>%n", px, TOP, px, HEIGHT - BOTTOM));
        }
        svg.append("</g>\n");
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.0f\" height=\"%.0f\" fill=\"none\" stroke=\"#808080\"/>%n",
                LEFT, TOP, plotWidth, plotHeight));

        DecimalFormat micros = new DecimalFormat("#,##0.#", DecimalFormatSymbols.getInstance(Locale.ROOT));
        for (int power = (int) minLog; power <= (int) maxLog; power++) {
            text(svg, LEFT - 6, y.applyAsDouble(Math.pow(10, power)) + 4, "end", "font-size=\"12\" fill=\"#404040\"",
                    micros.format(Math.pow(10, power)));
        }
        for (int n = firstN; n <= lastN; n += 2) {
            text(svg, x.applyAsDouble(n), HEIGHT - BOTTOM + 18, "middle", "font-size=\"12\" fill=\"#404040\"", String.valueOf(n));
        }
        text(svg, LEFT + plotWidth / 2, HEIGHT - BOTTOM + 40, "middle", "font-size=\"14\" font-weight=\"bold\"", "n");
        svg.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"0\" transform=\"translate(20 %.1f) rotate(-90)\" "
                + "text-anchor=\"middle\" font-size=\"14\" font-weight=\"bold\">time per call (microseconds, log scale)</text>%n",
                TOP + plotHeight / 2));

        series(svg, data, x, y, true, NAIVE_COLOUR);
        series(svg, data, x, y, false, MEMO_COLOUR);

        double legendY = HEIGHT - 22;
        legend(svg, LEFT + 60, legendY, NAIVE_COLOUR, NAIVE);
        legend(svg, LEFT + 330, legendY, MEMO_COLOUR, MEMO);
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void series(StringBuilder svg, Data data, java.util.function.DoubleUnaryOperator x,
            java.util.function.DoubleUnaryOperator y, boolean naive, String colour) {
        StringBuilder points = new StringBuilder();
        for (Point p : data.points()) {
            double micros = (naive ? p.naiveNanos() : p.memoNanos()) / 1e3;
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x.applyAsDouble(p.n()), y.applyAsDouble(micros)));
        }
        svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>%n",
                colour, points.toString().strip()));
        svg.append(String.format(Locale.ROOT, "<g fill=\"%s\">%n", colour));
        for (String point : points.toString().strip().split(" ")) {
            String[] xy = point.split(",");
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%s\" cy=\"%s\" r=\"3\"/>%n", xy[0], xy[1]));
        }
        svg.append("</g>\n");
    }

    private static void legend(StringBuilder svg, double x, double y, String colour, String label) {
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2\"/>%n",
                x, y - 4, x + 24, y - 4, colour));
        svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n", x + 12, y - 4, colour));
        text(svg, x + 30, y, "start", "font-size=\"12\" fill=\"#404040\"", label);
    }

    private static void text(StringBuilder svg, double x, double y, String anchor, String style, String text) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" %s>%s</text>%n",
                x, y, anchor, style, escape(text)));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The figures the tutorial quotes, as a sentence. */
    public static String summary(Data data) {
        Point first = data.points().get(0);
        Point last = data.points().get(data.points().size() - 1);
        Point p36 = data.points().stream().anyMatch(p -> p.n() == 36) ? data.at(36) : last; // a short run stops sooner
        return String.format(Locale.ROOT,
                "Measured on %s (%s): the naive fib(%d) took %s and the memoized one %s, %,.0f times faster. "
                        + "From n = %d to %d the naive time grew %,.0f-fold and the memoized time %.1f-fold.%n",
                data.machine(), data.method(), p36.n(), duration(p36.naiveNanos()), duration(p36.memoNanos()),
                p36.naiveNanos() / p36.memoNanos(), first.n(), last.n(), last.naiveNanos() / first.naiveNanos(),
                last.memoNanos() / first.memoNanos());
    }

    public static String duration(double nanos) {
        if (nanos < 1e6) {
            return String.format(Locale.ROOT, "%.1f µs", nanos / 1e3);
        } else if (nanos < 1e9) {
            return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }

    private static String value(List<String> lines, String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()))
                .findFirst().orElseThrow(() -> new IllegalStateException(CSV + " has no '" + prefix.trim() + "' line"));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
