package com.illajwala.load;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

/**
 * Bookings on distinct slots, the full path (HTTP, token, rate limit, event store, outbox to
 * Kafka): a warm-up, then a closed model at each of {@code load.bookings.clients} (16, 32, 64 clients
 * booking back to back), then an open model of {@code load.bookings.rate} bookings a second (1,000). Every
 * booking takes a slot nobody else books. Slots are made for {@code load.bookings.expected-rate} bookings
 * a second (2,500) in each closed phase; a phase that empties the pool ends early.
 */
public class DistinctSlotBookingSimulation extends Simulation {

    private static final int SLOTS_PER_DOCTOR = 5_000;

    private final LoadSettings settings = LoadSettings.fromSystemProperties();
    private final Figures figures = new Figures();
    private final int[] clients = Arrays.stream(LoadSettings.property("load.bookings.clients", "16,32,64").split(","))
            .mapToInt(Integer::parseInt).toArray();
    private final int rate = LoadSettings.intProperty("load.bookings.rate", 1_000);
    private final int expectedRate = LoadSettings.intProperty("load.bookings.expected-rate", 2_500);
    private final Duration warmUp = Duration.ofSeconds(LoadSettings.intProperty("load.warm-up", 10));
    private final Requests.Pool<LoadFixture.Slot> slots;
    private final Supplier<String> patients;

    public DistinctSlotBookingSimulation() {
        LoadFixture fixture = LoadFixture.connect();
        long seconds = settings.duration().toSeconds();
        long needed = (warmUp.toSeconds() + clients.length * seconds) * expectedRate + (long) (rate * seconds * 1.05);
        int doctors = (int) Math.max(1, (needed + SLOTS_PER_DOCTOR - 1) / SLOTS_PER_DOCTOR);
        slots = new Requests.Pool<>(interleaved(fixture.doctors(doctors, (int) Math.min(needed, SLOTS_PER_DOCTOR))));
        patients = Requests.cycle(fixture.patients(64));

        List<PopulationBuilder> phases = new ArrayList<>();
        phases.add(scenario("warm-up").exec(book("warm_up")).injectClosed(constantConcurrentUsers(16).during(warmUp)));
        for (int count : clients) {
            phases.add(scenario(count + " clients").exec(book("book_" + count + "_clients"))
                    .injectClosed(constantConcurrentUsers(count).during(settings.duration())));
        }
        if (rate > 0) {
            phases.add(scenario(rate + " per second").exec(book("book_at_" + rate + "_per_s"))
                    .injectOpen(constantUsersPerSec(rate).during(settings.duration())));
        }
        PopulationBuilder chain = phases.get(phases.size() - 1);
        for (int i = phases.size() - 2; i >= 0; i--) {
            chain = phases.get(i).andThen(chain);
        }
        setUp(chain).protocols(Requests.pooled(settings));
    }

    /** One booking of the next free slot by one of the patients; with the pool empty, nothing. */
    private ChainBuilder book(String series) {
        return exec(session -> {
            LoadFixture.Slot slot = slots.take();
            return slot == null ? session.remove("slotId") : session.set("slotId", slot.slotId()).set("token", patients.get());
        }).doIfOrElse(session -> session.contains("slotId")).then(
                Requests.timed(figures, series, http(series).post("/api/appointments")
                        .header("Host", settings.publicHost())
                        .header("Authorization", "Bearer #{token}")
                        .body(StringBody("{\"slotId\":\"#{slotId}\"}")), 201))
                .orElse(exec(session -> {
                    figures.count(series + "_no_slot_left");
                    return session;
                }).pause(Duration.ofMillis(100)));
    }

    /** Doctor by doctor in turn, so that concurrent bookings spread over doctors as a day's would. */
    private static List<LoadFixture.Slot> interleaved(List<LoadFixture.Doctor> doctors) {
        List<LoadFixture.Slot> slots = new ArrayList<>();
        int longest = doctors.stream().mapToInt(d -> d.slots().size()).max().orElse(0);
        for (int i = 0; i < longest; i++) {
            for (LoadFixture.Doctor doctor : doctors) {
                if (i < doctor.slots().size()) {
                    slots.add(doctor.slots().get(i));
                }
            }
        }
        return slots;
    }

    @Override
    public void after() {
        figures.value("bookings_slots_made", slots.size());
        figures.write(settings);
    }
}
