import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Writes PIT's result into the README, so that the figure there is the last run's and never
 * typed by hand: {@code java PitSummary.java <mutations.xml> <README.md> <PIT version>}
 * replaces the text between {@code <!-- pit -->} and {@code <!-- /pit -->}. Run by the
 * {@code mutation} profile of {@code solutions/pom.xml} after PIT.
 */
public final class PitSummary {

    public static void main(String[] args) throws Exception {
        Path report = Path.of(args[0]);
        Path readme = Path.of(args[1]).toAbsolutePath().normalize();
        String version = args[2];
        if (!Files.isRegularFile(report)) {
            throw new IllegalStateException("no PIT report at " + report + ": did PIT run, with the XML output format?");
        }
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        NodeList mutations = factory.newDocumentBuilder().parse(report.toFile()).getElementsByTagName("mutation");
        int detected = 0;
        List<String> survivors = new ArrayList<>();
        for (int i = 0; i < mutations.getLength(); i++) {
            Element mutation = (Element) mutations.item(i);
            if (mutation.getAttribute("detected").equals("true")) {
                detected++;
            } else {
                survivors.add(String.format(Locale.ROOT, "`%s.%s` (line %s: %s, %s)",
                        simpleName(text(mutation, "mutatedClass")), text(mutation, "mutatedMethod"),
                        text(mutation, "lineNumber"), text(mutation, "description"),
                        mutation.getAttribute("status").toLowerCase(Locale.ROOT).replace('_', ' ')));
            }
        }
        int total = mutations.getLength();
        if (total == 0) {
            throw new IllegalStateException(report + " holds no mutants: PIT found nothing to mutate");
        }
        String summary = String.format(Locale.ROOT, "Last run (PIT %s): **%d mutants, %d detected (%d%%)**.%s",
                version, total, detected, detected * 100 / total,
                survivors.isEmpty() ? "" : " Not detected: " + String.join("; ", survivors) + ".");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        String begin = "<!-- pit -->";
        String end = "<!-- /pit -->";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalStateException(readme + " has no '" + begin + "' ... '" + end + "' block for PIT's result");
        }
        Files.writeString(readme, text.substring(0, from + begin.length()) + "\n" + summary + "\n" + text.substring(to),
                StandardCharsets.UTF_8);
        System.out.println("Wrote PIT's result into " + readme + ": " + summary);
    }

    private static String text(Element element, String tag) {
        NodeList nodes = element.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? "?" : nodes.item(0).getTextContent().trim();
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
