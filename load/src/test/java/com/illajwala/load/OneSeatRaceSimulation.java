package com.illajwala.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatling.javaapi.core.Simulation;

import java.time.Duration;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * 200 patients ({@code load.race.patients}), each on their own connection, book the same single-seat slot at once: exactly one
 * 201, 199 × 409 and nothing else (Gatling assertions fail the run otherwise); the winner then
 * reads its appointment, and the slot's read model must show one seat booked.
 */
public class OneSeatRaceSimulation extends Simulation {

    private static final int PATIENTS = LoadSettings.intProperty("load.race.patients", 200);

    private final LoadSettings settings = LoadSettings.fromSystemProperties();
    private final Figures figures = new Figures();
    private final LoadFixture fixture = LoadFixture.connect();
    private final LoadFixture.Slot seat = fixture.doctors(1, 1).get(0).slots().get(0);
    private final Requests.Pool<String> patients = new Requests.Pool<>(fixture.patients(PATIENTS));

    public OneSeatRaceSimulation() {
        setUp(scenario("one-seat race")
                .exec(session -> session.set("token", patients.take()))
                .exec(http("race").post("/api/appointments")
                        .header("Host", settings.publicHost())
                        .header("Authorization", "Bearer #{token}")
                        .body(StringBody("{\"slotId\":\"" + seat.slotId() + "\"}"))
                        .check(status().saveAs("status"), status().in(201, 409),
                                jsonPath("$.data.appointmentId").optional().saveAs("appointmentId"),
                                header("X-Consistency-Token").optional().saveAs("consistency")))
                .exec(session -> {
                    int status = session.contains("status") ? session.getInt("status") : 0;
                    figures.count("race_" + (status == 0 ? "unanswered" : status));
                    if (status >= 500) {
                        figures.count("race_5xx");
                    }
                    return session;
                })
                .doIf(session -> session.contains("appointmentId")).then(
                        exec(http("race winner reads its appointment").get("/api/appointments/#{appointmentId}")
                                .header("Host", settings.publicHost())
                                .header("Authorization", "Bearer #{token}")
                                .header("X-Consistency-Token", "#{consistency}")))
                .injectOpen(atOnceUsers(PATIENTS)))
                .protocols(http.baseUrl(settings.baseUrl()).acceptHeader("application/json")
                        .contentTypeHeader("application/json"))
                .assertions(details("race").failedRequests().count().is(0L),
                        details("race winner reads its appointment").successfulRequests().count().is(1L),
                        global().failedRequests().count().is(0L));
    }

    @Override
    public void after() {
        String path = "/api/doctors/" + seat.doctorId() + "/slots?from=" + seat.start() + "&to=" + seat.start().plusSeconds(1);
        JsonNode slots = fixture.platform.eventually("GET", settings.publicHost(), path, null, null,
                answer -> answer.status() == 200 && answer.data().path(0).path("seatsBooked").asInt() > 0,
                Duration.ofSeconds(30));
        figures.value("race_seats_booked", slots.path(0).path("seatsBooked").asInt());
        figures.value("race_racers", PATIENTS);
        figures.write(settings);
    }
}
