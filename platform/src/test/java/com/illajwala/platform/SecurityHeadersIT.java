package com.illajwala.platform;

import com.illajwala.web.edge.SecurityHeaders;
import com.illajwala.web.testing.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The security headers on every kind of answer the platform gives (the apps' pages and assets, the
 * API's data and errors, operations, the HTTP server's own errors), HSTS only over TLS, and apps
 * whose built pages need no inline script, so their strict policy holds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SecurityHeadersIT {

    private static final Pattern SCRIPT = Pattern.compile("<script\\b([^>]*)>(.*?)</script>", Pattern.DOTALL);

    @LocalServerPort
    int port;
    @Autowired
    WebTestClient client;

    @Test
    void theAppsPagesHaveTheStrictPolicyAndNoInlineScript() {
        for (String page : List.of("/", "/doctor/", "/admin/", "/appointments", "/doctor/board")) {
            EntityExchangeResult<String> answer = client.get().uri(page).accept(MediaType.TEXT_HTML).exchange()
                    .expectStatus().isOk()
                    .expectBody(String.class).returnResult();
            assertCommonHeaders(answer, page);
            assertThat(answer.getResponseHeaders().getFirst("Content-Security-Policy")).as(page).isEqualTo(SecurityHeaders.APP_POLICY);
            Matcher scripts = SCRIPT.matcher(answer.getResponseBody());
            int count = 0;
            while (scripts.find()) {
                count++;
                assertThat(scripts.group(1)).as("a script of %s", page).contains("src=");
                assertThat(scripts.group(2).trim()).as("a script of %s", page).isEmpty();
            }
            assertThat(count).as("scripts of %s", page).isPositive();
            assertThat(answer.getResponseBody()).as(page).doesNotContain(" onload=", " onclick=", "javascript:");
        }
    }

    @Test
    void apiAnswersAssetsAndOperationsHaveTheHeadersAndAPolicyThatLoadsNothing() {
        for (WebTestClient.RequestHeadersSpec<?> request : List.of(
                client.get().uri("/api/doctors"),
                client.get().uri("/api/appointments"),
                client.get().uri("/api/no-such-route"),
                client.post().uri("/api/appointments").contentType(MediaType.APPLICATION_JSON).bodyValue("{"),
                client.get().uri("/actuator/health"),
                client.get().uri("/.well-known/jwks.json"),
                client.get().uri("/favicon.svg"))) {
            EntityExchangeResult<byte[]> answer = request.exchange().expectBody().returnResult();
            String what = answer.getMethod() + " " + answer.getUrl() + " (" + answer.getStatus() + ")";
            assertCommonHeaders(answer, what);
            assertThat(answer.getResponseHeaders().getFirst("Content-Security-Policy")).as(what)
                    .isEqualTo(SecurityHeaders.DOCUMENTLESS_POLICY);
        }
    }

    @Test
    void hstsOnlyWhenTheRequestCameOverTls() {
        client.get().uri("/api/doctors").exchange()
                .expectHeader().doesNotExist("Strict-Transport-Security");
        client.get().uri("/api/doctors").header("X-Forwarded-Proto", "https").exchange()
                .expectHeader().valueEquals("Strict-Transport-Security", SecurityHeaders.STRICT_TRANSPORT_SECURITY);
        client.get().uri("/").accept(MediaType.TEXT_HTML).header("X-Forwarded-Proto", "https").exchange()
                .expectHeader().valueEquals("Strict-Transport-Security", SecurityHeaders.STRICT_TRANSPORT_SECURITY);
    }

    @Test
    void theHttpServersOwnErrorsHaveTheHeadersToo() throws Exception {
        // a request line too long is refused before the headers are read, so X-Forwarded-Proto is unknown
        String answer = RawHttp.exchange(port, "GET /api/doctors/" + "x".repeat(5_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 414")
                .containsIgnoringCase("x-content-type-options: nosniff")
                .containsIgnoringCase("x-frame-options: DENY")
                .containsIgnoringCase("referrer-policy: no-referrer")
                .containsIgnoringCase("content-security-policy: " + SecurityHeaders.DOCUMENTLESS_POLICY)
                .doesNotContainIgnoringCase("strict-transport-security");
    }

    private static void assertCommonHeaders(EntityExchangeResult<?> answer, String what) {
        assertThat(answer.getResponseHeaders().getFirst("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
        assertThat(answer.getResponseHeaders().getFirst("Referrer-Policy")).as(what).isEqualTo("no-referrer");
        assertThat(answer.getResponseHeaders().getFirst("X-Frame-Options")).as(what).isEqualTo("DENY");
        assertThat(answer.getResponseHeaders().getFirst("Content-Security-Policy")).as(what).contains("frame-ancestors 'none'");
        assertThat(answer.getResponseHeaders().containsKey("Strict-Transport-Security")).as(what).isFalse();
    }
}
