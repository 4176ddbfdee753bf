package memolab.grader.docs;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Rectangle;
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
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

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

    static String render(Data data, String sha) {
        System.setProperty("java.awt.headless", "true");
        XYSeries naive = new XYSeries("naive recursion");
        XYSeries memo = new XYSeries("memoized, LruCache of capacity 128 (fresh each time)");
        for (Point p : data.points()) {
            naive.add(p.n(), p.naiveNanos() / 1_000);
            memo.add(p.n(), p.memoNanos() / 1_000);
        }
        XYSeriesCollection series = new XYSeriesCollection();
        series.addSeries(naive);
        series.addSeries(memo);
        JFreeChart chart = ChartFactory.createXYLineChart("fib(n): naive vs memoized", "n",
                "time (microseconds, log scale)", series, PlotOrientation.VERTICAL, true, false, false);
        chart.addSubtitle(new TextTitle("median times measured on " + data.machine()));
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        LogAxis time = new LogAxis("time (microseconds, log scale)");
        time.setBase(10);
        time.setTickUnit(new NumberTickUnit(1)); // one tick per power of ten
        time.setNumberFormatOverride(new DecimalFormat("#,##0.#", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        plot.setRangeAxis(time);
        NumberAxis n = (NumberAxis) plot.getDomainAxis();
        n.setTickUnit(new NumberTickUnit(2));
        n.setRange(19.5, 40.5);
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, true);
        lines.setSeriesPaint(0, new Color(0xC0392B));
        lines.setSeriesPaint(1, new Color(0x2471A3));
        lines.setSeriesStroke(0, new BasicStroke(2f));
        lines.setSeriesStroke(1, new BasicStroke(2f));
        plot.setRenderer(lines);
        SVGGraphics2D svg = new SVGGraphics2D(760, 460);
        svg.setDefsKeyPrefix("fib-timing"); // stable ids, so a re-drawn chart diffs only where it changed
        chart.draw(svg, new Rectangle(0, 0, 760, 460));
        String document = svg.getSVGDocument();
        int afterDeclaration = document.startsWith("<?xml") ? document.indexOf("?>") + 2 : 0;
        return document.substring(0, afterDeclaration) + "\n" + fingerprintLine(sha) + "\n"
                + document.substring(afterDeclaration).stripLeading() + "\n";
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
