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
 * booking takes a slot nobody else books. Each closed phase gets slots for {@code load.bookings.expected-rate}
 * bookings a second (2,500); one that takes them all idles for the rest of its time (its rate is measured over
 * the bookings it made), and the next phase still has its own.
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
    private final Supplier<String> patients;
    private int slotsMade;

    public DistinctSlotBookingSimulation() {
        LoadFixture fixture = LoadFixture.connect();
        long seconds = settings.duration().toSeconds();
        int perClosedPhase = (int) (seconds * expectedRate);
        int openPhase = (int) (rate * seconds * 1.05);
        long needed = warmUp.toSeconds() * expectedRate + (long) clients.length * perClosedPhase + openPhase;
        int doctors = (int) Math.max(1, (needed + SLOTS_PER_DOCTOR - 1) / SLOTS_PER_DOCTOR);
        List<LoadFixture.Slot> slots = interleaved(fixture.doctors(doctors, (int) Math.min(needed, SLOTS_PER_DOCTOR)));
        slotsMade = slots.size();
        patients = Requests.cycle(fixture.patients(64));

        // each phase its own slots: a phase faster than expected cannot leave the next one without
        int from = 0;
        List<PopulationBuilder> phases = new ArrayList<>();
        int warmUpSlots = (int) (warmUp.toSeconds() * expectedRate);
        phases.add(scenario("warm-up").exec(book("warm_up", share(slots, from, warmUpSlots)))
                .injectClosed(constantConcurrentUsers(16).during(warmUp)));
        from += warmUpSlots;
        for (int count : clients) {
            phases.add(scenario(count + " clients").exec(book("book_" + count + "_clients", share(slots, from, perClosedPhase)))
                    .injectClosed(constantConcurrentUsers(count).during(settings.duration())));
            from += perClosedPhase;
        }
        if (rate > 0) {
            phases.add(scenario(rate + " per second").exec(book("book_at_" + rate + "_per_s",
                            share(slots, from, openPhase)))
                    .injectOpen(constantUsersPerSec(rate).during(settings.duration())));
        }
        PopulationBuilder chain = phases.get(phases.size() - 1);
        for (int i = phases.size() - 2; i >= 0; i--) {
            chain = phases.get(i).andThen(chain);
        }
        setUp(chain).protocols(Requests.pooled(settings));
    }

    /** One booking of the phase's next free slot by one of the patients; with the phase's slots all taken, a pause. */
    private ChainBuilder book(String series, List<LoadFixture.Slot> phaseSlots) {
        Requests.Pool<LoadFixture.Slot> slots = new Requests.Pool<>(phaseSlots);
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

    /** A phase's share of the slots; short when the platform published fewer than asked for. */
    private static List<LoadFixture.Slot> share(List<LoadFixture.Slot> slots, int from, int count) {
        return slots.subList(Math.min(from, slots.size()), Math.min(from + count, slots.size()));
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
        figures.value("bookings_slots_made", slotsMade);
        figures.write(settings);
    }
}
