package com.illajwala.load;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Test data made through the platform's own public API, as its users would: patients register,
 * the tenant admin onboards doctors, the platform admin verifies them, the doctors' availability
 * publishes short slots. Names carry a run id, so runs against the same platform never collide.
 */
final class LoadFixture {

    static final String[] SPECIALTIES = {"cardiology", "dermatology", "paediatrics", "orthopaedics", "neurology",
            "general medicine", "ent", "psychiatry"};
    /** A patient may cancel up to the clinic's notice period (2 h by default): every slot starts later than that. */
    private static final Duration NOTICE = Duration.ofHours(4);
    private static final int SLOTS_PER_DAY = 286;

    record Slot(String slotId, String doctorId, Instant start) {
    }

    record Doctor(String id, String specialization, List<Slot> slots) {
    }

    final LoadSettings settings;
    final PlatformClient platform;
    final String runId = Long.toString(System.currentTimeMillis(), 36);
    private final String platformAdmin;
    private final String tenantAdmin;

    LoadFixture(LoadSettings settings) {
        this.settings = settings;
        this.platform = new PlatformClient(settings);
        this.platformAdmin = signIn(settings.adminHost(), settings.platformAdmin());
        this.tenantAdmin = signIn(settings.tenantHost(), settings.tenantAdmin());
    }

    static LoadFixture connect() {
        return new LoadFixture(LoadSettings.fromSystemProperties());
    }

    String tenantAdminToken() {
        return tenantAdmin;
    }

    private String signIn(String host, String email) {
        return platform.expect("POST", host, "/api/auth/login", null,
                Map.of("email", email, "password", settings.password()), 200).path("accessToken").asText();
    }

    /** Registers patients; their access tokens (15 minutes). */
    List<String> patients(int count) {
        return inParallel(count, i -> platform.expect("POST", settings.publicHost(), "/api/auth/register", null,
                Map.of("name", "Load Patient " + i, "email", "load-" + runId + "-p" + i + "@example.test",
                        "password", settings.password()), 200, 201).path("accessToken").asText());
    }

    /** Verified doctors of the tenant's clinic, each with at least {@code slotsEach} open 5-minute slots (none for 0). */
    List<Doctor> doctors(int count, int slotsEach) {
        System.out.printf("setup: %d doctors with %,d open slots each ...%n", count, slotsEach);
        long started = System.nanoTime();
        List<Doctor> doctors = inParallel(count, i -> doctor(i, slotsEach));
        System.out.printf("setup: %,d slots open in %.0f s%n", doctors.stream().mapToInt(d -> d.slots().size()).sum(),
                (System.nanoTime() - started) / 1e9);
        return doctors;
    }

    private Doctor doctor(int index, int slotsEach) {
        String specialization = SPECIALTIES[index % SPECIALTIES.length];
        String id = platform.expect("POST", settings.tenantHost(), "/api/doctors", tenantAdmin, Map.ofEntries(
                Map.entry("name", "Dr Load " + runId + " " + index), Map.entry("email", "load-" + runId + "-d" + index + "@"
                        + settings.tenant() + ".test"), Map.entry("password", settings.password()),
                Map.entry("specialization", specialization), Map.entry("qualifications", List.of("MBBS")),
                Map.entry("registrationNumber", "LOAD-" + runId + "-" + index), Map.entry("languages", List.of("en")),
                Map.entry("fee", 500), Map.entry("currency", "INR"), Map.entry("modes", List.of("clinic", "telehealth")),
                Map.entry("clinicIds", List.of(settings.clinic()))), 201).path("id").asText();
        platform.expect("POST", settings.adminHost(), "/api/doctors/" + id + "/verification", platformAdmin,
                Map.of("decision", "verified"), 200);
        if (slotsEach == 0) {
            return new Doctor(id, specialization, List.of());
        }
        Map<String, Object> session = Map.of("start", "00:00", "end", "23:55", "slotMinutes", 5, "bufferMinutes", 0,
                "capacity", 1, "modes", List.of("clinic", "telehealth"));
        Map<DayOfWeek, List<Map<String, Object>>> weekly = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            weekly.put(day, List.of(session));
        }
        int days = Math.min(90, slotsEach / SLOTS_PER_DAY + 2);
        // booking learns of the verification from the event stream: until then the doctor is unknown to it
        JsonNode result = platform.eventually("PUT", settings.tenantHost(), "/api/doctors/" + id + "/availability", tenantAdmin,
                Map.of("clinicId", settings.clinic(), "weekly", weekly, "minimumNoticeMinutes", NOTICE.toMinutes(),
                        "maximumAdvanceDays", days), answer -> answer.status() == 200, Duration.ofSeconds(60));
        int published = result.path("slots").asInt();
        Instant to = Instant.now().plus(days + 1L, ChronoUnit.DAYS);
        String path = "/api/doctors/" + id + "/slots?to=" + to;
        JsonNode slots = platform.eventually("GET", settings.publicHost(), path, null, null,
                answer -> answer.status() == 200 && answer.data().size() >= published, Duration.ofMinutes(5));
        List<Slot> open = new ArrayList<>();
        for (JsonNode slot : slots) {
            if ("open".equals(slot.path("status").asText())) {
                open.add(new Slot(slot.path("slotId").asText(), id, Instant.parse(slot.path("start").asText())));
            }
        }
        return new Doctor(id, specialization, open);
    }

    /** Setup calls eight at a time: fast enough, and the platform's rate limits and pools are not what is measured here. */
    private static <T> List<T> inParallel(int count, IntFunction<T> task) {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> task.apply(index)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (Exception e) {
            throw new IllegalStateException("setup failed", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
