package memolab.grader.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's headless Chromium, for the tests that check a page as a reader sees it. Where it is
 * missing the test is skipped with the reason; {@code .ci/run} installs it and sets
 * {@code MEMOLAB_BROWSER=required}, under which a missing browser fails instead.
 */
final class HeadlessChromium {

    private final Path binary;
    private final Path profile;

    private HeadlessChromium(Path binary, Path profile) {
        this.binary = binary;
        this.profile = profile;
    }

    /** The browser on the {@code PATH}, or the test aborted (failed, where the browser is required). */
    static HeadlessChromium require(Path scratch) throws IOException {
        Optional<Path> found = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .flatMap(dir -> Stream.of("chromium", "chromium-browser", "google-chrome").map(name -> Path.of(dir, name)))
                .filter(Files::isExecutable).findFirst();
        if (found.isEmpty()) {
            assertThat(System.getenv("MEMOLAB_BROWSER")).as("MEMOLAB_BROWSER=required, but no chromium on the PATH")
                    .isNotEqualTo("required");
            Assumptions.abort("no chromium on the PATH: apt-get install chromium (.ci/run does), then run this test again");
        }
        return new HeadlessChromium(found.get(), Files.createDirectories(scratch.resolve("chromium-profile")));
    }

    /**
     * The network requests the page made, from a run's network log: a request the page starts
     * carries its origin as initiator ({@code null} for a file), while the browser's own (its
     * clock, its updater) carry "not an origin" and are left out.
     */
    List<String> requestsOfThePage(Path netLog) throws IOException {
        JsonObject log = JsonParser.parseString(Files.readString(netLog, StandardCharsets.UTF_8)).getAsJsonObject();
        List<String> requests = new ArrayList<>();
        for (JsonElement event : log.getAsJsonArray("events")) {
            JsonObject params = event.getAsJsonObject().getAsJsonObject("params");
            if (params != null && params.has("url") && params.has("initiator")
                    && !params.get("initiator").getAsString().equals("not an origin")) {
                requests.add(params.get("url").getAsString());
            }
        }
        return requests;
    }

    /**
     * Runs the browser headless on {@code page} with one more switch ({@code --dump-dom},
     * {@code --screenshot=...}, {@code --print-to-pdf=...}), with the network log written to
     * {@code netLog}; what it printed on standard output.
     */
    String run(Path page, String what, Path netLog) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--user-data-dir=" + profile, "--window-size=1280,1600",
                "--log-net-log=" + netLog, what, page.toUri().toString()));
        Path stdout = Files.createTempFile(profile, "stdout", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("chromium %s ended within 90 s", what).isTrue();
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }
}
