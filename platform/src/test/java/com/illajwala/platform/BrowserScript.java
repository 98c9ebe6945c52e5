package com.illajwala.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs one of {@code frontends/e2e}'s browser scripts (playwright-core driving Debian's Chromium,
 * headless) against the platform on a port, echoing its output, and fails when it fails, with its
 * last lines. Chromium is {@code /usr/bin/chromium} unless {@code CHROMIUM_PATH} says otherwise
 * ({@code .ci/run} installs it); screenshots go to {@code platform/target/e2e-artifacts/}.
 */
final class BrowserScript {

    private static final Duration LONGEST_RUN = Duration.ofMinutes(10);

    private final Path frontends = Path.of(System.getProperty("frontends.dir", "../frontends")).toAbsolutePath().normalize();
    private final Path artifacts = Path.of(System.getProperty("e2e.artifacts", "target/e2e-artifacts")).toAbsolutePath().normalize();
    private final String chromium = Optional.ofNullable(System.getenv("CHROMIUM_PATH")).orElse("/usr/bin/chromium");

    /** Chromium and the front ends' npm packages are there. */
    BrowserScript checkPrerequisites() {
        assertThat(Path.of(chromium)).as("Chromium for the browser test (apt-get install chromium, or set CHROMIUM_PATH)")
                .isExecutable();
        assertThat(frontends.resolve("node_modules/playwright-core")).as("the front ends' npm packages (npm ci in frontends/)")
                .isDirectory();
        return this;
    }

    /** Runs {@code frontends/e2e/{script}} against {@code http://localhost:{port}}; answers the artifacts' names. */
    List<String> run(String script, int port) throws IOException, InterruptedException {
        Files.createDirectories(artifacts);
        ProcessBuilder builder = new ProcessBuilder("node", "e2e/" + script)
                .directory(frontends.toFile())
                .redirectErrorStream(true);
        builder.environment().put("BASE_URL", "http://localhost:" + port);
        builder.environment().put("CHROMIUM_PATH", chromium);
        builder.environment().put("ARTIFACTS_DIR", artifacts.toString());
        Process browser = builder.start();
        Deque<String> lastLines = new ArrayDeque<>();
        Thread output = new Thread(() -> echo(browser, lastLines), "browser-test-output");
        output.setDaemon(true);
        output.start();
        boolean finished = browser.waitFor(LONGEST_RUN.toSeconds(), TimeUnit.SECONDS);
        if (!finished) {
            browser.destroyForcibly();
        }
        output.join(Duration.ofSeconds(10).toMillis());

        assertThat(finished).as("the browser test finished within %s", LONGEST_RUN).isTrue();
        String tail;
        synchronized (lastLines) {
            tail = String.join("\n", lastLines);
        }
        assertThat(browser.exitValue()).as("the browser test (screenshots in %s); its last lines:%n%s", artifacts, tail)
                .isZero();
        try (Stream<Path> files = Files.list(artifacts)) {
            return files.map(path -> path.getFileName().toString()).toList();
        }
    }

    /** The script's output, on the test's output and the last lines kept for the failure message. */
    private static void echo(Process process, Deque<String> lastLines) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                System.out.println(line);
                synchronized (lastLines) {
                    lastLines.addLast(line);
                    if (lastLines.size() > 40) {
                        lastLines.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }
}
