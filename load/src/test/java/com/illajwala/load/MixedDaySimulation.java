package com.illajwala.load;

import io.gatling.javaapi.core.Simulation;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

/**
 * A clinic day's mix, {@code load.mixed.rate} patient journeys a second (50), open model: each searches
 * by specialty, holds a slot, books it; every fifth then cancels, every tenth also joins a doctor's
 * waitlist. Each step is its own series ({@code mixed_search}, {@code mixed_hold}, …).
 */
public class MixedDaySimulation extends Simulation {

    private final LoadSettings settings = LoadSettings.fromSystemProperties();
    private final Figures figures = new Figures();
    private final int rate = LoadSettings.intProperty("load.mixed.rate", 50);

    public MixedDaySimulation() {
        LoadFixture fixture = LoadFixture.connect();
        int doctorCount = 10;
        long journeys = rate * settings.duration().toSeconds();
        List<LoadFixture.Doctor> doctors = fixture.doctors(doctorCount, (int) (journeys / doctorCount + 10));
        List<LoadFixture.Slot> slots = new ArrayList<>();
        for (int i = 0; slots.size() < journeys + doctorCount; i++) {
            for (LoadFixture.Doctor doctor : doctors) {
                slots.add(doctor.slots().get(i));
            }
        }
        Requests.Pool<LoadFixture.Slot> pool = new Requests.Pool<>(slots);
        List<String> patients = fixture.patients(100);
        AtomicInteger journey = new AtomicInteger();
        AtomicInteger waitlistJoins = new AtomicInteger();
        LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);

        var day = scenario("mixed day")
                .exec(session -> {
                    int k = journey.getAndIncrement();
                    LoadFixture.Slot slot = pool.take();
                    return session.set("k", k).set("token", patients.get(k % patients.size()))
                            .set("slotId", slot.slotId())
                            .set("specialty", LoadFixture.SPECIALTIES[k % LoadFixture.SPECIALTIES.length].replace(" ", "+"));
                })
                .exec(Requests.timed(figures, "mixed_search", http("search").get("/api/doctors?specialty=#{specialty}")
                        .header("Host", settings.publicHost()), 200))
                .exec(Requests.timed(figures, "mixed_hold", http("hold").post("/api/slots/#{slotId}/hold")
                        .header("Host", settings.publicHost()).header("Authorization", "Bearer #{token}"), 201))
                .exec(Requests.timed(figures, "mixed_book", http("book").post("/api/appointments")
                        .header("Host", settings.publicHost()).header("Authorization", "Bearer #{token}")
                        .body(StringBody("{\"slotId\":\"#{slotId}\"}"))
                        .check(jsonPath("$.data.appointmentId").optional().saveAs("appointmentId")), 201))
                .doIf(session -> session.getInt("k") % 5 == 0 && session.contains("appointmentId")).then(
                        Requests.timed(figures, "mixed_cancel", http("cancel").post("/api/appointments/#{appointmentId}/cancel")
                                .header("Host", settings.publicHost()).header("Authorization", "Bearer #{token}")
                                .body(StringBody("{\"reason\":\"patient_request\"}")), 200))
                .doIf(session -> session.getInt("k") % 10 == 3).then(
                        exec(session -> {
                            // each join a patient and doctor not yet paired: a second join of the same waitlist is a 409
                            int n = waitlistJoins.getAndIncrement();
                            return session.set("token", patients.get(n % patients.size()))
                                    .set("waitFor", doctors.get(n / patients.size() % doctors.size()).id());
                        }).exec(Requests.timed(figures, "mixed_waitlist", http("join waitlist").post("/api/waitlist")
                                .header("Host", settings.publicHost()).header("Authorization", "Bearer #{token}")
                                .body(StringBody("{\"clinicId\":\"" + settings.clinic() + "\",\"doctorId\":\"#{waitFor}\","
                                        + "\"from\":\"" + tomorrow + "\",\"to\":\"" + tomorrow.plusDays(6) + "\"}")), 201)));

        setUp(day.injectOpen(constantUsersPerSec(rate).during(settings.duration())))
                .protocols(Requests.pooled(settings));
    }

    @Override
    public void after() {
        figures.write(settings);
    }
}
