package com.illajwala.load;

import io.gatling.javaapi.core.Simulation;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

/**
 * Bookings at a fixed arrival rate ({@code load.sustained.rate}, 1,000 a second, open model) for
 * {@code load.duration}, and what they cost all in: the CPU of the platform's processes
 * ({@code load.cpu.pids}: its JVM and embedded PostgreSQL) from the first booking until the read side,
 * sagas and notifications are idle again; whether the read models keep up (the projection lag each second,
 * its growth over the run); and how long a booking takes to become visible to its patient in
 * {@code GET /api/appointments/{id}} (every {@code load.sustained.probe-every}th booking, read without a
 * consistency token). First {@code load.sustained.warm-up} bookings (3,000, 16 at a time) warm the JIT
 * up; the measuring starts only once the platform is quiet after the setup and the warm-up, so their
 * own events are not counted.
 */
public class SustainedBookingSimulation extends Simulation {

    private static final String SERIES = "sustained";
    private static final Pattern LAG = Pattern.compile("(?m)^illajwala_projection_lag_events(?:\\{[^}]*})? ([0-9.eE+-]+)$");
    private static final Duration WINDOW = Duration.ofSeconds(5);
    private static final Duration MOST_WAIT = Duration.ofMinutes(5);
    /** Above the idle use this much, the platform is still working off the run. */
    private static final double BUSY_CORES = 0.05;
    /** An idle platform uses less than this: its consumers' polls, heartbeats and timers. */
    private static final double IDLE_CORES = 0.3;

    private final LoadSettings settings = LoadSettings.fromSystemProperties();
    private final Figures figures = new Figures();
    private final ProcessCpu cpu = ProcessCpu.fromSystemProperties();
    private final int rate = LoadSettings.intProperty("load.sustained.rate", 1_000);
    private final int probeEvery = LoadSettings.intProperty("load.sustained.probe-every", 20);
    private final int warmUp = LoadSettings.intProperty("load.sustained.warm-up", 3_000);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final BlockingQueue<Probe> probes = new LinkedBlockingQueue<>();
    private final List<Long> lags = new ArrayList<>();
    private final AtomicInteger booked = new AtomicInteger();
    private final int slotsMade;
    private final Requests.Pool<LoadFixture.Slot> slots;
    private final Supplier<String> patients;
    private volatile boolean running = true;
    private Thread prober;
    private Thread lagReader;
    private double idleCores;
    private double cpuAtStart;
    private long startedNanos;

    private record Probe(String appointmentId, String token, long answeredNanos) {
    }

    public SustainedBookingSimulation() {
        LoadFixture fixture = LoadFixture.connect();
        int needed = (int) (rate * settings.duration().toSeconds() * 1.05) + warmUp;
        int doctors = Math.max(1, (needed + 4_999) / 5_000);
        slots = new Requests.Pool<>(fixture.doctors(doctors, (needed + doctors - 1) / doctors)
                .stream().flatMap(doctor -> doctor.slots().stream()).toList());
        slotsMade = slots.size();
        patients = Requests.cycle(fixture.patients(64));

        setUp(scenario(rate + " per second").exec(session -> {
                    LoadFixture.Slot slot = slots.take();
                    return slot == null ? session.remove("slotId") : session.set("slotId", slot.slotId()).set("token", patients.get());
                })
                .doIfOrElse(session -> session.contains("slotId")).then(
                        Requests.timed(figures, SERIES, http(SERIES).post("/api/appointments")
                                .header("Host", settings.publicHost())
                                .header("Authorization", "Bearer #{token}")
                                .body(StringBody("{\"slotId\":\"#{slotId}\"}"))
                                .check(jsonPath("$.data.appointmentId").optional().saveAs("appointmentId")), 201)
                                .exec(session -> {
                                    if (session.contains("appointmentId") && booked.incrementAndGet() % probeEvery == 0) {
                                        probes.add(new Probe(session.getString("appointmentId"), session.getString("token"),
                                                System.nanoTime()));
                                    }
                                    return session.remove("appointmentId");
                                }))
                .orElse(exec(session -> {
                    figures.count(SERIES + "_no_slot_left");
                    return session;
                }))
                .injectOpen(constantUsersPerSec(rate).during(settings.duration())))
                .protocols(Requests.pooled(settings));
    }

    @Override
    public void before() {
        warmUp();
        long waiting = System.nanoTime();
        idleCores = waitUntilQuiet(IDLE_CORES);
        System.out.printf(Locale.ROOT, "quiet after %.0f s: %.3f cores idle, projection lag %d; measuring%n",
                (System.nanoTime() - waiting) / 1e9, idleCores, lag());
        prober = daemon("visibility-prober", this::probe);
        lagReader = daemon("lag-reader", () -> {
            while (running) {
                long lag = lag();
                synchronized (lags) {
                    lags.add(lag);
                }
                pause(Duration.ofSeconds(1));
            }
        });
        cpuAtStart = cpu.measures() ? cpu.seconds() : 0;
        startedNanos = System.nanoTime();
    }

    @Override
    public void after() {
        double inRunSeconds = (System.nanoTime() - startedNanos) / 1e9;
        double cpuInRun = cpu.measures() ? cpu.seconds() - cpuAtStart : 0;
        running = false;
        long runEnded = System.nanoTime();
        long deadline = runEnded + MOST_WAIT.toNanos();
        while (lag() != 0 && System.nanoTime() < deadline) {
            pause(Duration.ofMillis(250));
        }
        double drainSeconds = (System.nanoTime() - runEnded) / 1e9;
        try {
            prober.join(MOST_WAIT.toMillis());
            lagReader.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        waitUntilQuiet(Math.min(IDLE_CORES, idleCores + BUSY_CORES));
        double allInSeconds = (System.nanoTime() - startedNanos) / 1e9;
        int bookings = booked.get();
        figures.value("sustained_offered_per_s", rate);
        figures.value("sustained_slots_made", slotsMade);
        figures.value("sustained_idle_cores", format(idleCores));
        figures.value("sustained_drain_s", format(drainSeconds));
        figures.value("sustained_tail_s", format(allInSeconds - inRunSeconds));
        synchronized (lags) {
            figures.value("sustained_lag_max", lags.stream().mapToLong(Long::longValue).max().orElse(-1));
            figures.value("sustained_lag_growth_per_s", format(slope(lags)));
        }
        if (cpu.measures() && bookings > 0) {
            double cpuAllIn = cpu.seconds() - cpuAtStart;
            figures.value("sustained_cpu_in_run_ms_per_booking", format(cpuInRun * 1000 / bookings));
            figures.value("sustained_cpu_all_in_ms_per_booking", format(cpuAllIn * 1000 / bookings));
            figures.value("sustained_cpu_all_in_less_idle_ms_per_booking",
                    format((cpuAllIn - idleCores * allInSeconds) * 1000 / bookings));
            figures.value("sustained_cores_in_run", format(cpuInRun / inRunSeconds));
        }
        figures.write(settings);
    }

    /** Books the first {@link #warmUp} slots, 16 at a time, as the measured phase will (not measured). */
    private void warmUp() {
        AtomicInteger left = new AtomicInteger(warmUp);
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            clients.add(daemon("warm-up-" + i, () -> {
                while (left.getAndDecrement() > 0) {
                    LoadFixture.Slot slot = slots.take();
                    if (slot == null) {
                        return;
                    }
                    HttpRequest request = HttpRequest.newBuilder(URI.create(settings.baseUrl() + "/api/appointments"))
                            .timeout(Duration.ofSeconds(30)).header("Host", settings.publicHost())
                            .header("Authorization", "Bearer " + patients.get()).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"slotId\":\"" + slot.slotId() + "\"}")).build();
                    try {
                        http.send(request, HttpResponse.BodyHandlers.discarding());
                    } catch (Exception e) {
                        figures.count("sustained_warm_up_failed");
                    }
                }
            }));
        }
        for (Thread client : clients) {
            try {
                client.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        System.out.printf("warm-up: %,d bookings%n", warmUp);
    }

    /**
     * Reads the probed bookings back until their patients see them: the delay from each answer. The oldest
     * waiting booking is read every 20 ms, and once it shows, the next ones at once; the read models apply
     * bookings in about the order they were answered, so reading only the oldest keeps the probe's own load
     * small when the read side falls behind.
     */
    private void probe() {
        ArrayDeque<Probe> waiting = new ArrayDeque<>();
        while (running || !probes.isEmpty() || !waiting.isEmpty()) {
            probes.drainTo(waiting);
            Probe oldest;
            while ((oldest = waiting.peek()) != null
                    && status("/api/appointments/" + oldest.appointmentId(), oldest.token()) == 200) {
                figures.sample("sustained_visible", (System.nanoTime() - waiting.remove().answeredNanos()) / 1_000_000);
            }
            if (oldest != null && System.nanoTime() - oldest.answeredNanos() > MOST_WAIT.toNanos()) {
                figures.count("sustained_never_visible");
                waiting.remove();
            }
            pause(Duration.ofMillis(20));
        }
    }

    /**
     * Waits until the projection lag is 0 and the platform's CPU use settles (two windows in a row within
     * {@link #BUSY_CORES} of each other) at or below {@code atMostCores}; its use in the last window.
     */
    private double waitUntilQuiet(double atMostCores) {
        if (!cpu.measures()) {
            return 0;
        }
        long deadline = System.nanoTime() + MOST_WAIT.toNanos();
        double previous = Double.MAX_VALUE;
        while (true) {
            double before = cpu.seconds();
            pause(WINDOW);
            double cores = (cpu.seconds() - before) / WINDOW.toSeconds();
            if ((lag() == 0 && Math.abs(cores - previous) < BUSY_CORES && cores <= atMostCores) || System.nanoTime() > deadline) {
                return cores;
            }
            previous = cores;
        }
    }

    private long lag() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.baseUrl() + "/actuator/prometheus"))
                .timeout(Duration.ofSeconds(5)).build();
        try {
            Matcher matcher = LAG.matcher(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
            return matcher.find() ? (long) Double.parseDouble(matcher.group(1)) : -1;
        } catch (Exception e) {
            return -1;
        }
    }

    private int status(String path, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.baseUrl() + path)).timeout(Duration.ofSeconds(5))
                .header("Host", settings.publicHost()).header("Authorization", "Bearer " + token).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return 0;
        }
    }

    /** Least-squares slope of the samples, one a second: how fast the lag grew through the run. */
    private static double slope(List<Long> samples) {
        List<Long> known = samples.stream().filter(sample -> sample >= 0).toList();
        int n = known.size();
        if (n < 2) {
            return 0;
        }
        double meanX = (n - 1) / 2.0;
        double meanY = known.stream().mapToLong(Long::longValue).average().orElse(0);
        double covariance = 0;
        double variance = 0;
        for (int x = 0; x < n; x++) {
            covariance += (x - meanX) * (known.get(x) - meanY);
            variance += (x - meanX) * (x - meanX);
        }
        return covariance / variance;
    }

    private static Thread daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
