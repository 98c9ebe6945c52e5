package com.illajwala.platform;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The doctor and admin apps in a real browser against the whole platform with its demo data: runs
 * {@code frontends/e2e/doctor-admin-apps.mjs} ({@link BrowserScript}) and fails when it fails. The
 * script has a doctor add a session today in the availability editor (with its preview); a patient
 * books it in another browser context and the doctor's board shows it within a second without a
 * reload; the doctor checks the patient in and the patient's page shows it live; the board drops
 * its connection and catches up by itself; an announced delay shows on the running-late card; the
 * week words statuses as the board does; the clinic admin's and the platform admin's dashboards
 * equal the analytics API's figures and refuse a reversed range on the form; the audit log's
 * addresses, dates and record filter read well; a clinic admin reaches nothing of another
 * organisation; a doctor is onboarded and verified from the queue; every page checked fits a
 * phone's width. Screenshots of the board, the week, the editor
 * and every dashboard and page go to {@code platform/target/e2e-artifacts/} (named {@code d-*}).
 * It changes the demo data (a session added, a doctor verified), so the platform it ran against is
 * closed afterwards: DemoDataIT and the patient app's test get one with the demo data as published.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "illajwala.demo-data.enabled=true")
@ActiveProfiles("test")
@DirtiesContext
class DoctorAndAdminAppsBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    WebTestClient client;

    @Test
    void theBoardIsLiveTheDashboardsEqualTheApiAndNoAdminReachesAnotherOrganisation() throws Exception {
        BrowserScript script = new BrowserScript().checkPrerequisites();
        for (String app : List.of("/doctor/", "/admin/")) {
            client.get().uri(app).exchange().expectStatus().isOk().expectBody(String.class)
                    .value(page -> assertThat(page).as("the built %s app (not built with -Dskip.frontend=true)", app)
                            .contains(app + "assets/"));
        }
        // minutes, not seconds: on a busy shared machine the read side catches up with the demo data slowly
        await().atMost(Duration.ofMinutes(3)).untilAsserted(() -> {
            assertThat(JsonPath.<List<String>>read(get("/api/doctors"), "$.data.items[*].doctorId"))
                    .contains("dr-sana-khan", "dr-oliver-hughes");
            assertThat(JsonPath.<List<Object>>read(get("/api/doctors/dr-sana-khan/slots"), "$.data[?(@.status == 'open')]"))
                    .isNotEmpty();
        });

        List<String> artifacts = script.run("doctor-admin-apps.mjs", port);

        assertThat(artifacts).anyMatch(name -> name.matches("d-\\d+-board\\.desktop\\.png"))
                .anyMatch(name -> name.matches("d-\\d+-board-new-booking\\.phone\\.png"))
                .anyMatch(name -> name.matches("d-\\d+-dashboard\\.desktop\\.png"))
                .anyMatch(name -> name.matches("d-\\d+-platform-dashboard\\.desktop\\.png"))
                .anyMatch(name -> name.matches("d-\\d+-verification-queue\\.desktop\\.png"))
                .contains("accessibility-doctor-admin.json");
    }

    private String get(String uri) {
        return new String(client.get().uri(uri).exchange().expectStatus().isOk().expectBody().returnResult()
                .getResponseBody(), StandardCharsets.UTF_8);
    }
}
