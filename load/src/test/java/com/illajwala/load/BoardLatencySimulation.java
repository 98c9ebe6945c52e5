package com.illajwala.load;

import io.gatling.javaapi.core.ActionBuilder;
import io.gatling.javaapi.core.Simulation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.sse;

/**
 * {@code load.board.subscribers} subscribers (200) on the live boards of {@code load.board.doctors} doctors
 * (10), each opened as the doctor's app opens it (a stream ticket, then the SSE stream); meanwhile
 * patients book those doctors' slots at {@code load.board.rate} a second (20). Event-to-board latency is
 * each board's arrival of a booking's event less the moment the booking's 201 arrived (0 when the
 * event came first).
 */
public class BoardLatencySimulation extends Simulation {

    private static final Pattern SLOT_ID = Pattern.compile("slotId\\\\?\"\\s*:\\s*\\\\?\"([0-9a-f-]{36})");

    private final LoadSettings settings = LoadSettings.fromSystemProperties();
    private final Figures figures = new Figures();
    private final int boards = LoadSettings.intProperty("load.board.subscribers", 200);
    private final int doctorCount = LoadSettings.intProperty("load.board.doctors", 10);
    private final int rate = LoadSettings.intProperty("load.board.rate", 20);
    /** Boards open before the bookings start, and stay open until their events have come. */
    private final Duration opening = Duration.ofSeconds(LoadSettings.intProperty("load.warm-up", 15));
    private final Map<String, Long> bookedAt = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Arrival> arrivals = new ConcurrentLinkedQueue<>();

    private record Arrival(long subscriber, String slotId, long at) {
    }

    public BoardLatencySimulation() {
        LoadFixture fixture = LoadFixture.connect();
        long bookings = rate * settings.duration().toSeconds();
        List<LoadFixture.Doctor> doctors = fixture.doctors(doctorCount, (int) (bookings / doctorCount + 10));
        List<LoadFixture.Slot> slots = new ArrayList<>();
        for (int i = 0; slots.size() < bookings + doctorCount; i++) {
            for (LoadFixture.Doctor doctor : doctors) {
                slots.add(doctor.slots().get(i));
            }
        }
        Requests.Pool<LoadFixture.Slot> pool = new Requests.Pool<>(slots);
        Supplier<LoadFixture.Doctor> boardDoctors = Requests.cycle(doctors);
        Supplier<String> patients = Requests.cycle(fixture.patients(32));
        String staff = fixture.tenantAdminToken();

        // Gatling keeps each message with its arrival time until asked: the board's latency is not the loop's
        ActionBuilder collectArrivals = sse.processUnmatchedMessages((messages, session) -> {
            messages.forEach(message -> arrived(session.userId(), message.message(), message.timestamp()));
            return session;
        });
        var board = scenario("board")
                .exec(session -> session.set("doctorId", boardDoctors.get().id()))
                .exec(http("stream ticket").post("/api/stream/tickets").header("Host", settings.tenantHost())
                        .header("Authorization", "Bearer " + staff).check(jsonPath("$.data.ticket").saveAs("ticket")))
                .exec(sse("board").get("/api/stream/schedule?doctorId=#{doctorId}&ticket=#{ticket}")
                        .header("Host", settings.tenantHost()).header("Accept", "text/event-stream"))
                .exec(during(opening.plus(settings.duration()).plusSeconds(5)).on(
                        exec(collectArrivals).pause(Duration.ofMillis(500))))
                .exec(collectArrivals)
                .exec(sse("close board").close());

        var booking = scenario("booking")
                .exec(session -> session.set("slotId", pool.take().slotId()).set("token", patients.get()))
                .exec(Requests.timed(figures, "board_booking", http("book").post("/api/appointments")
                        .header("Host", settings.publicHost()).header("Authorization", "Bearer #{token}")
                        .body(StringBody("{\"slotId\":\"#{slotId}\"}"))
                        .check(jsonPath("$.data.appointmentId").optional().saveAs("appointmentId")), 201))
                .doIf(session -> session.contains("appointmentId")).then(exec(session -> {
                    bookedAt.put(session.getString("slotId"), System.currentTimeMillis());
                    return session;
                }));

        setUp(board.injectOpen(rampUsers(boards).during(opening.minusSeconds(Math.min(5, opening.toSeconds() / 2)))),
                booking.injectOpen(nothingFor(opening), constantUsersPerSec(rate).during(settings.duration())))
                .protocols(Requests.pooled(settings).sseUnmatchedInboundMessageBufferSize(10_000));
    }

    private void arrived(long subscriber, String message, long at) {
        Matcher slot = SLOT_ID.matcher(message);
        if (slot.find()) {
            arrivals.add(new Arrival(subscriber, slot.group(1), at));
        }
    }

    @Override
    public void after() {
        // a board sees each booking once (booked); later events of the same appointment are not what is timed
        Map<String, Arrival> first = new HashMap<>();
        for (Arrival arrival : arrivals) {
            first.merge(arrival.subscriber() + "/" + arrival.slotId(), arrival, (a, b) -> a.at() <= b.at() ? a : b);
        }
        first.values().forEach(arrival -> {
            Long booked = bookedAt.get(arrival.slotId());
            if (booked != null) {
                figures.sample("board_event", Math.max(0, arrival.at() - booked));
            }
        });
        figures.value("board_subscribers", boards);
        figures.value("board_bookings", bookedAt.size());
        // boards are spread evenly over the doctors: each booking reaches the boards of its doctor
        figures.value("board_deliveries_expected", (long) bookedAt.size() * boards / doctorCount);
        figures.write(settings);
    }
}
