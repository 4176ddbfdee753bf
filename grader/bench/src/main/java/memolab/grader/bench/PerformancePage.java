package memolab.grader.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code docs/performance.md}, one section per benchmark part between
 * {@code <!-- bench:NAME -->} and {@code <!-- /bench:NAME -->}: a part that runs replaces its
 * own section and leaves the others as they were measured. A short (smoke) run writes to
 * {@code grader/target/bench/performance.md} instead, a copy of the page, so that it never
 * replaces real figures with a smoke run's.
 */
final class PerformancePage {

    private final Path page;

    PerformancePage(Path repo, boolean smoke) throws IOException {
        Path docsPage = repo.resolve("docs/performance.md");
        if (smoke) {
            page = repo.resolve("grader/target/bench/performance.md");
            Files.createDirectories(page.getParent());
            Files.copy(docsPage, page, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } else {
            page = docsPage;
        }
    }

    Path path() {
        return page;
    }

    /** Replaces the section {@code name} with {@code markdown}. */
    void replace(String name, String markdown) throws IOException {
        String text = Files.readString(page, StandardCharsets.UTF_8);
        String begin = "<!-- bench:" + name + " -->\n";
        String end = "<!-- /bench:" + name + " -->";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalStateException(page + " has no section '" + begin.trim() + "' ... '" + end + "'");
        }
        String updated = text.substring(0, from + begin.length()) + markdown.strip() + "\n" + text.substring(to);
        Files.writeString(page, updated, StandardCharsets.UTF_8);
    }
}
