package com.illajwala.platform;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

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
import static org.awaitility.Awaitility.await;

/**
 * The patient app in a real browser against the whole platform with its demo data: runs
 * {@code frontends/e2e/patient-app.mjs} (playwright-core driving Debian's Chromium, headless) and
 * fails when it fails. The script searches, books, follows and cancels an appointment; has a second
 * browser take the time the first is looking at and checks the first is told; has a waitlist offer
 * arrive live and accepted; photographs every step at desktop and phone sizes into
 * {@code platform/target/e2e-artifacts/}, and fails on any serious or critical axe-core violation
 * of the main pages. Chromium is {@code /usr/bin/chromium} unless {@code CHROMIUM_PATH} says
 * otherwise ({@code .ci/run} installs it).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "illajwala.demo-data.enabled=true")
@ActiveProfiles("test")
class PatientAppBrowserIT {

    private static final Duration LONGEST_RUN = Duration.ofMinutes(10);

    @LocalServerPort
    int port;
    @Autowired
    WebTestClient client;

    @Test
    void aPatientBooksFollowsAndCancelsIsToldOfATimeTakenMeanwhileAndAcceptsAWaitlistOfferLive() throws Exception {
        Path frontends = Path.of(System.getProperty("frontends.dir", "../frontends")).toAbsolutePath().normalize();
        Path artifacts = Path.of(System.getProperty("e2e.artifacts", "target/e2e-artifacts")).toAbsolutePath().normalize();
        String chromium = Optional.ofNullable(System.getenv("CHROMIUM_PATH")).orElse("/usr/bin/chromium");
        assertThat(Path.of(chromium)).as("Chromium for the browser test (apt-get install chromium, or set CHROMIUM_PATH)")
                .isExecutable();
        assertThat(frontends.resolve("node_modules/playwright-core")).as("the front ends' npm packages (npm ci in frontends/)")
                .isDirectory();
        client.get().uri("/").exchange().expectStatus().isOk().expectBody(String.class)
                .value(page -> assertThat(page).as("the built patient app (not built with -Dskip.frontend=true)")
                        .contains("/assets/"));
        // the demo doctors are searchable and bookable before the browser looks for them
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(JsonPath.<List<String>>read(get("/api/doctors"), "$.data.items[*].doctorId"))
                    .contains("dr-anika-mehta", "dr-rahul-iyer");
            assertThat(JsonPath.<List<Object>>read(get("/api/doctors/dr-anika-mehta/slots"), "$.data[?(@.status == 'open')]"))
                    .isNotEmpty();
            assertThat(JsonPath.<List<Object>>read(get("/api/doctors/dr-rahul-iyer/slots"), "$.data[?(@.status == 'open')]"))
                    .isNotEmpty();
        });
        Files.createDirectories(artifacts);

        ProcessBuilder script = new ProcessBuilder("node", "e2e/patient-app.mjs")
                .directory(frontends.toFile())
                .redirectErrorStream(true);
        script.environment().put("BASE_URL", "http://localhost:" + port);
        script.environment().put("CHROMIUM_PATH", chromium);
        script.environment().put("ARTIFACTS_DIR", artifacts.toString());
        Process browser = script.start();
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
            List<String> names = files.map(path -> path.getFileName().toString()).toList();
            assertThat(names).anyMatch(name -> name.endsWith("kiran-offered-the-seat-live.desktop.png"))
                    .anyMatch(name -> name.endsWith("kiran-offered-the-seat-live.phone.png"))
                    .contains("accessibility.json");
        }
    }

    private String get(String uri) {
        return new String(client.get().uri(uri).exchange().expectStatus().isOk().expectBody().returnResult()
                .getResponseBody(), StandardCharsets.UTF_8);
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
