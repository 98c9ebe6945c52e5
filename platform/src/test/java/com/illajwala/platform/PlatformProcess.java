package com.illajwala.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

/**
 * The packaged platform ({@code target/illajwala-platform.jar}) in a JVM of its own, on the
 * embedded local default over a data directory, as {@code ./run} starts it: so that a test can
 * kill it outright, which no in-process context allows.
 */
final class PlatformProcess implements AutoCloseable {

    private static final Pattern INFRASTRUCTURE = Pattern.compile("Infrastructure (\\w+): \\w+ at (\\S+)");
    private static final Pattern ERROR_LINE = Pattern.compile("^\\S+\\s+ERROR\\s");

    private final Process process;
    private final Path log;
    final int port;

    private PlatformProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts the platform and waits until it is ready; {@code arguments} are Spring properties ({@code --a.b=c}).
     * Its log is kept as {@code target/platform-process/<name>.log}, beside the test reports.
     */
    static PlatformProcess start(Path dataDir, int port, String name, List<String> arguments) {
        Path jar = Path.of(System.getProperty("platform.jar", "target/illajwala-platform.jar"));
        Path log = Path.of("target", "platform-process", name + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m", "-jar", jar.toString(),
                "--server.port=" + port,
                "--illajwala.infrastructure.data-dir=" + dataDir,
                // the embedded local default, even where CI points other tests at a shared PostgreSQL
                "--illajwala.infrastructure.postgres-url=",
                "--logging.structured.format.console="));
        command.addAll(arguments);
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            PlatformProcess platform = new PlatformProcess(process, log, port);
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the platform exited with " + process.exitValue() + "; its log ends:\n"
                            + platform.logText().lines().skip(Math.max(0, platform.logText().lines().count() - 40))
                            .collect(java.util.stream.Collectors.joining("\n")));
                }
                return platform.ready();
            });
            return platform;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Where the platform says it found a dependency ({@code postgres}, {@code kafka}, {@code mongo}, {@code redis}). */
    String infrastructure(String dependency) {
        Matcher matcher = INFRASTRUCTURE.matcher(logText());
        while (matcher.find()) {
            if (matcher.group(1).equals(dependency)) {
                return matcher.group(2);
            }
        }
        throw new IllegalStateException(dependency + " is not in " + log);
    }

    String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines its log has at level ERROR (the console's plain format: time, level, pid). */
    List<String> errorLines() {
        return logText().lines().filter(line -> ERROR_LINE.matcher(line).find()).toList();
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or closed. */
    void kill() {
        process.destroyForcibly();
        await().atMost(Duration.ofSeconds(30)).until(() -> !process.isAlive());
    }

    private boolean ready() {
        try {
            HttpResponse<Void> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(baseUrl() + "/actuator/health/readiness")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return answer.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** An orderly stop (SIGTERM), as an operator's; a killed platform has nothing left to stop. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            await().atMost(Duration.ofSeconds(60)).until(() -> !process.isAlive());
        }
    }
}
