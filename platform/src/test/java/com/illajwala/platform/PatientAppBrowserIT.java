package com.illajwala.platform;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The patient app in a real browser against the whole platform with its demo data: runs
 * {@code frontends/e2e/patient-app.mjs} (playwright-core driving Debian's Chromium, headless) and
 * fails when it fails. The script opens an unknown address (the app's not-found page, a 404);
 * searches, books, follows and cancels an appointment; books from the search results on a phone in
 * at most three presses; has a second
 * browser take the time the first is looking at and checks the first is told; has a waitlist offer
 * arrive live and accepted; photographs every step at desktop and phone sizes into
 * {@code platform/target/e2e-artifacts/}, and fails on any serious or critical axe-core violation
 * of the main pages ({@link BrowserScript}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "illajwala.demo-data.enabled=true")
@ActiveProfiles("test")
class PatientAppBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    WebTestClient client;

    @Test
    void aPatientBooksFollowsAndCancelsIsToldOfATimeTakenMeanwhileAndAcceptsAWaitlistOfferLive() throws Exception {
        BrowserScript script = new BrowserScript().checkPrerequisites();
        client.get().uri("/").exchange().expectStatus().isOk().expectBody(String.class)
                .value(page -> assertThat(page).as("the built patient app (not built with -Dskip.frontend=true)")
                        .contains("/assets/"));
        // an address nobody serves is the app's not-found page for a browser, and stays JSON for the API
        client.get().uri("/no-such-page").accept(MediaType.TEXT_HTML).exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).value(page -> assertThat(page).contains("<div id=\"root\">"));
        client.get().uri("/api/no-such-route").accept(MediaType.TEXT_HTML, MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.error.code").isEqualTo("not_found");
        // the demo doctors are searchable and bookable before the browser looks for them
        // minutes, not seconds: on a busy shared machine the read side catches up with the demo data slowly
        await().atMost(Duration.ofMinutes(3)).untilAsserted(() -> {
            assertThat(JsonPath.<List<String>>read(get("/api/doctors"), "$.data.items[*].doctorId"))
                    .contains("dr-anika-mehta", "dr-rahul-iyer");
            assertThat(JsonPath.<List<Object>>read(get("/api/doctors/dr-anika-mehta/slots"), "$.data[?(@.status == 'open')]"))
                    .isNotEmpty();
            assertThat(JsonPath.<List<Object>>read(get("/api/doctors/dr-rahul-iyer/slots"), "$.data[?(@.status == 'open')]"))
                    .isNotEmpty();
        });

        List<String> artifacts = script.run("patient-app.mjs", port);

        assertThat(artifacts).anyMatch(name -> name.endsWith("booked-from-search-on-a-phone.phone.png"))
                .anyMatch(name -> name.endsWith("kiran-offered-the-seat-live.desktop.png"))
                .anyMatch(name -> name.endsWith("kiran-offered-the-seat-live.phone.png"))
                .contains("accessibility.json");
    }

    private String get(String uri) {
        return new String(client.get().uri(uri).exchange().expectStatus().isOk().expectBody().returnResult()
                .getResponseBody(), StandardCharsets.UTF_8);
    }
}
