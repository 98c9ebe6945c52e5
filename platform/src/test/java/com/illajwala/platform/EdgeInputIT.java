package com.illajwala.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.illajwala.identity.auth.AccessTokens;
import com.illajwala.web.access.Caller;
import com.illajwala.web.testing.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static com.illajwala.web.testing.ApiErrors.assertRefusedField;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input through the whole stack: a control character in a path id, a query parameter or a body
 * field, an over-long or malformed id, a fraction for an integer, a request line longer than the
 * server reads. Every one is a 400 (or the server's 414) in the JSON envelope naming what is wrong,
 * answered before a store sees it, on the routes whose stores refused such bytes with a 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EdgeInputIT {

    private static final String NUL = "%00";
    private static final String TENANT_HOST = "apollo.localhost";

    @LocalServerPort
    int port;
    @Autowired
    WebTestClient client;
    @Autowired
    AccessTokens tokens;

    private final Caller patient = TestCallers.patient("edge-patient-" + UUID.randomUUID());
    private final Caller doctor = TestCallers.doctor("edge-doctor-" + UUID.randomUUID(), "apollo");

    /** The routes whose path id reached a store: the appointment's steps, holds, availability, the waitlist. */
    @Test
    void aNulInAPathIdIsA400NamingTheIdOnEveryRouteThatTakesOne() {
        String id = "abc" + NUL;
        List<Request> requests = List.of(
                new Request(HttpMethod.POST, "/api/appointments/" + id + "/cancel", "{\"reason\":\"other\"}", "appointmentId", patient),
                new Request(HttpMethod.POST, "/api/appointments/" + id + "/reschedule", "{\"slotId\":\"s1\"}", "appointmentId", patient),
                new Request(HttpMethod.POST, "/api/appointments/" + id + "/check-in", null, "appointmentId", doctor),
                new Request(HttpMethod.POST, "/api/appointments/" + id + "/start", null, "appointmentId", doctor),
                new Request(HttpMethod.POST, "/api/appointments/" + id + "/complete", null, "appointmentId", doctor),
                new Request(HttpMethod.POST, "/api/appointments/" + id + "/no-show", null, "appointmentId", doctor),
                new Request(HttpMethod.GET, "/api/appointments/" + id + "/reason", null, "appointmentId", doctor),
                new Request(HttpMethod.GET, "/api/appointments/" + id, null, "appointmentId", patient),
                new Request(HttpMethod.POST, "/api/slots/" + id + "/hold", null, "slotId", patient),
                new Request(HttpMethod.PUT, "/api/doctors/" + id + "/availability", availability("c1"), "doctorId", doctor),
                new Request(HttpMethod.POST, "/api/doctors/" + id + "/availability/preview", availability("c1"), "doctorId", doctor),
                new Request(HttpMethod.GET, "/api/doctors/" + id + "/availability?clinicId=c1", null, "doctorId", doctor),
                new Request(HttpMethod.POST, "/api/waitlist/" + id + "/accept", null, "entryId", patient),
                new Request(HttpMethod.POST, "/api/waitlist/" + id + "/decline", null, "entryId", patient),
                new Request(HttpMethod.DELETE, "/api/waitlist/" + id, null, "entryId", patient),
                new Request(HttpMethod.PUT, "/api/waitlist/" + id + "/urgency", "{\"urgent\":true}", "entryId", doctor),
                new Request(HttpMethod.GET, "/api/doctors/" + id, null, "doctorId", null),
                new Request(HttpMethod.GET, "/api/doctors/" + id + "/slots", null, "doctorId", null));
        for (Request request : requests) {
            assertRefusedField(send(request), request.field(), "must not contain control characters");
        }
    }

    @Test
    void anIdThatIsNotAnIdentifierIsA400NamingIt() {
        assertRefusedField(send(new Request(HttpMethod.POST, "/api/slots/" + "x".repeat(300) + "/hold", null, "slotId", patient)),
                "slotId", "must be at most 128 characters");
        assertRefusedField(send(new Request(HttpMethod.POST, "/api/appointments/a%27%20or%201=1/cancel", "{\"reason\":\"other\"}",
                "appointmentId", patient)), "appointmentId", "must hold only letters, digits and - _ . : ~");
    }

    @Test
    void aNulInABodyIdIsA400NamingTheFieldOnBookingAvailabilityAndTheWaitlist() {
        assertRefusedField(send(new Request(HttpMethod.POST, "/api/appointments",
                "{\"slotId\":\"slot\\u0000\",\"mode\":\"clinic\"}", "slotId", patient)), "slotId", "must not contain control characters");
        assertRefusedField(send(new Request(HttpMethod.PUT, "/api/doctors/" + doctor.userId() + "/availability",
                availability("clinic\\u0000"), "clinicId", doctor)), "clinicId", "must not contain control characters");
        assertRefusedField(send(new Request(HttpMethod.POST, "/api/waitlist",
                "{\"clinicId\":\"c\\u0000\",\"from\":\"2030-01-01\",\"to\":\"2030-01-02\"}", "clinicId", patient)),
                "clinicId", "must not contain control characters");
        assertRefusedField(send(new Request(HttpMethod.POST, "/api/waitlist",
                "{\"clinicId\":\"c1\",\"doctorId\":\"d\\u0000\",\"from\":\"2030-01-01\",\"to\":\"2030-01-02\"}", "doctorId", patient)),
                "doctorId", "must not contain control characters");
    }

    @Test
    void aNulInAQueryParameterIsA400NamingIt() {
        assertRefusedField(client.get().uri(URI.create(base() + "/api/doctors?q=heart" + NUL)).exchange(), "q",
                "must not contain control characters");
    }

    @Test
    void aFractionWhereAnIntegerBelongsIsA400NamingTheField() {
        String rules = availability("c1").replace("\"minimumNoticeMinutes\":60", "\"minimumNoticeMinutes\":60.5");
        assertRefusedField(send(new Request(HttpMethod.PUT, "/api/doctors/" + doctor.userId() + "/availability", rules, "minimumNoticeMinutes",
                doctor)), "minimumNoticeMinutes", "has the wrong type or format");
    }

    @Test
    void aPathIdLongerThanTheServerReadsIsA414InTheEnvelope() throws Exception {
        String answer = RawHttp.exchange(port, "GET /api/appointments/" + "x".repeat(5_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 414").containsIgnoringCase("content-type: application/json")
                .contains("{\"success\":false,\"error\":{\"code\":\"uri_too_long\"");
    }

    /**
     * Every operation of the served API document: a NUL in each path parameter, and for each that
     * takes a body, malformed JSON, an empty body, the wrong content type, a field it does not take,
     * a NUL in a string and strings of 100 KB and 1 MB, anonymously and as a patient and a doctor.
     * Each answer is a 4xx in the JSON envelope, never a 5xx.
     */
    @Test
    void everyRouteOfTheApiDocumentAnswersBadInputWithA4xxInTheEnvelope() {
        JsonNode paths = client.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().path("paths");
        List<String> bodies = List.of("{", "", "{\"notAField\":1}", "{\"name\":\"a\\u0000\"}",
                "{\"name\":\"" + "x".repeat(100_000) + "\"}", "{\"name\":\"" + "x".repeat(1_000_000) + "\"}");
        List<String> answered = new ArrayList<>();
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            HttpMethod method = HttpMethod.valueOf(operation.getKey().toUpperCase(Locale.ROOT));
            String withNul = path.getKey().replaceAll("\\{[^}]+}", "a" + NUL);
            String plain = path.getKey().replaceAll("\\{[^}]+}", "edge-" + UUID.randomUUID());
            boolean takesBody = operation.getValue().has("requestBody");
            for (Caller caller : Arrays.asList(null, patient, doctor)) {
                if (!withNul.equals(path.getKey())) {
                    answered.add(badInput(new Request(method, withNul, takesBody ? "{}" : null, null, caller), MediaType.APPLICATION_JSON));
                }
                if (takesBody) {
                    for (String body : bodies) {
                        answered.add(badInput(new Request(method, plain, body, null, caller), MediaType.APPLICATION_JSON));
                    }
                    answered.add(badInput(new Request(method, plain, "slotId=x", null, caller), MediaType.TEXT_PLAIN));
                }
            }
        }));
        assertThat(answered).as("bad requests sent").hasSizeGreaterThan(300);
    }

    private String badInput(Request request, MediaType contentType) {
        WebTestClient.RequestBodySpec spec = prepare(request);
        WebTestClient.RequestHeadersSpec<?> sending = request.json() == null ? spec
                : spec.contentType(contentType).bodyValue(request.json());
        EntityExchangeResult<byte[]> answer = sending.exchange().expectBody().returnResult();
        String what = request.method() + " " + request.path().substring(0, Math.min(120, request.path().length()))
                + " as " + (request.caller() == null ? "nobody" : request.caller().role())
                + " with " + (request.json() == null ? "no body" : request.json().length() + " bytes of " + contentType)
                + " → " + answer.getStatus();
        assertThat(answer.getStatus().is4xxClientError()).as(what).isTrue();
        assertThat(answer.getResponseHeaders().getContentType()).as(what).isNotNull();
        assertThat(answer.getResponseHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).as(what).isTrue();
        assertThat(new String(answer.getResponseBody(), StandardCharsets.UTF_8)).as(what).startsWith("{\"success\":false,\"error\":{\"code\":");
        return what;
    }

    private record Request(HttpMethod method, String path, String json, String field, Caller caller) {
    }

    private WebTestClient.RequestBodySpec prepare(Request request) {
        WebTestClient.RequestBodySpec spec = client.method(request.method()).uri(URI.create(base() + request.path()));
        if (request.caller() != null) {
            spec.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.issue(request.caller()));
            if (request.caller().role().isTenantBound()) {
                spec.header(HttpHeaders.HOST, TENANT_HOST);
            }
        }
        return spec;
    }

    private WebTestClient.ResponseSpec send(Request request) {
        WebTestClient.RequestBodySpec spec = prepare(request);
        if (request.json() != null) {
            return spec.contentType(MediaType.APPLICATION_JSON).bodyValue(request.json()).exchange();
        }
        return spec.exchange();
    }

    private static String availability(String clinicId) {
        return "{\"clinicId\":\"" + clinicId + "\",\"weekly\":{\"MONDAY\":[{\"start\":\"09:00\",\"end\":\"12:00\","
                + "\"slotMinutes\":15,\"capacity\":1,\"modes\":[\"clinic\"]}]},\"minimumNoticeMinutes\":60,\"maximumAdvanceDays\":14}";
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
