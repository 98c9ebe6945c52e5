package com.illajwala.platform.bench;

import com.illajwala.booking.BookingFixtures;
import com.illajwala.booking.slot.SlotCommands.PublishSlot;
import com.illajwala.events.ConsultationMode;
import com.illajwala.events.slot.SlotPublished;
import com.illajwala.identity.auth.AccessTokens;
import com.illajwala.kafka.EventEnvelope;
import com.illajwala.kafka.EventPublisher;
import com.illajwala.projections.ProjectionLag;
import com.illajwala.projections.doctor.DoctorDirectory;
import com.illajwala.web.access.Caller;
import com.illajwala.web.access.Role;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The read side's figures on this machine, printed, never asserted: not part of the test
 * suite. Run with {@code ./bench/read-side} (see BENCHMARKS.md).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ReadSideBenchmark {

    private static final String[] SPECIALTIES = {"cardiology", "dermatology", "paediatrics", "orthopaedics", "neurology",
            "general medicine", "ent", "psychiatry", "oncology", "gynaecology"};
    private static final String[] CITIES = {"Bengaluru", "Mumbai", "Delhi", "Pune", "Chennai", "London", "Leeds"};

    @LocalServerPort
    int port;
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    ApplicationContext context;
    @Autowired
    AccessTokens tokens;
    @Autowired
    KafkaConnectionDetails kafka;
    @Autowired
    ProjectionLag lag;

    @Test
    void printTheReadSidesFigures() throws Exception {
        System.out.println("\n==== read-side benchmark (" + Runtime.getRuntime().availableProcessors() + " cores, max heap "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB) ====");
        // each figure as soon as it is measured: a later part may take long; -Dbench.parts=search,rebuild runs some
        Set<String> parts = Set.of(System.getProperty("bench.parts", "search,board,subscribers,rebuild").split(","));
        if (parts.contains("search")) {
            System.out.println(search());
        }
        if (parts.contains("board")) {
            System.out.println(eventToBoard());
        }
        if (parts.contains("subscribers")) {
            System.out.println(subscribers());
        }
        if (parts.contains("rebuild")) {
            System.out.println(rebuild());
        }
    }

    /**
     * 10,000 verified doctors; after 20 s of warm-up, 200 searches a second for 30 s over 60 distinct
     * queries, then 2,000 never asked before.
     */
    private String search() {
        String tenant = "bench";
        Random random = new Random(7);
        List<Document> doctors = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            String specialty = SPECIALTIES[random.nextInt(SPECIALTIES.length)];
            String name = "Dr Bench " + Integer.toString(i, 36) + " " + (char) ('a' + random.nextInt(26)) + "son";
            doctors.add(new Document("_id", "bench-dr-" + i).append("tenantId", tenant).append("name", name)
                    .append("specialization", specialty).append("languages", List.of("en"))
                    .append("modes", List.of("CLINIC", "TELEHEALTH")).append("clinicIds", List.of("bench-clinic"))
                    .append("cities", List.of(CITIES[random.nextInt(CITIES.length)]))
                    .append("fee", "500").append("feeMinor", 50_000L + random.nextInt(100_000)).append("currency", "INR")
                    .append("searchText", (name + " " + specialty).toLowerCase())
                    .append("nextAvailable", Instant.now().plus(random.nextInt(20_000), ChronoUnit.MINUTES))
                    .append("verified", true).append("version", 0L));
        }
        mongo.insert(doctors, "doctors").blockLast(Duration.ofMinutes(2));
        // written behind the projection's back: the instance's directory is told, as a rebuild would
        context.getBean(DoctorDirectory.class).changedAll().block(Duration.ofMinutes(1));
        await().atMost(Duration.ofMinutes(1)).until(() -> context.getBean(DoctorDirectory.class).size() >= 10_000);
        WebClient http = WebClient.builder().baseUrl("http://localhost:" + port)
                .clientConnector(new org.springframework.http.client.reactive.ReactorClientHttpConnector(
                        HttpClient.create(ConnectionProvider.builder("search").maxConnections(200).build())))
                .defaultHeader(HttpHeaders.HOST, tenant + ".localhost").build();
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            queries.add("specialty=" + SPECIALTIES[i % SPECIALTIES.length] + "&city=" + CITIES[i % CITIES.length]
                    + "&page=" + (1 + i % 3));
        }
        // warm-up, not measured: a cold JVM compiles the whole request path during its first thousands of requests
        load(http, 4_000, i -> i % 2 == 0 ? queries.get(i % queries.size()) : "q=warm " + Integer.toString(i, 36));
        List<Long> repeated = load(http, 6_000, i -> queries.get(i % queries.size()));
        List<Long> fresh = load(http, 2_000, i -> "q=bench " + Integer.toString(i * 7, 36) + "&sort=next_available");
        return String.format("search over 10,000 doctors at 200 req/s: repeated queries p50 %.1f ms, p99 %.1f ms; "
                        + "queries never asked before p50 %.1f ms, p99 %.1f ms", ms(repeated, 50), ms(repeated, 99),
                ms(fresh, 50), ms(fresh, 99));
    }

    /** Open loop: a request every 5 ms whatever the answers; a tick with 500 requests still unanswered is counted as shed. */
    private static List<Long> load(WebClient http, int requests, java.util.function.IntFunction<String> query) {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger shed = new java.util.concurrent.atomic.AtomicInteger();
        Flux.interval(Duration.ofMillis(5)).take(requests)
                .onBackpressureDrop(tick -> shed.incrementAndGet())
                .flatMap(i -> {
                    long started = System.nanoTime();
                    return http.get().uri("/api/doctors?" + query.apply(i.intValue())).retrieve().toBodilessEntity()
                            .doOnNext(answer -> latencies.add(System.nanoTime() - started));
                }, 500)
                .blockLast(Duration.ofMinutes(5));
        if (shed.get() > 0) {
            System.out.println("  (" + shed.get() + " of " + requests + " requests not sent: 500 already waiting)");
        }
        return latencies;
    }

    /** 100 bookings, each timed from its 201 (committed) to its event on the doctor's open board. */
    private String eventToBoard() throws Exception {
        String doctorId = "bench-board-" + UUID.randomUUID();
        BookingFixtures fixtures = new BookingFixtures(context);
        fixtures.verifiedDoctor("apollo", doctorId);
        Instant first = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        List<PublishSlot> slots = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            slots.add(fixtures.slot("apollo", doctorId, first.plus(Duration.ofMinutes(30L * i)), 1, Set.of(ConsultationMode.CLINIC)));
        }
        Map<String, Long> seen = new ConcurrentHashMap<>();
        CountDownLatch open = new CountDownLatch(1);
        Disposable board = WebClient.create("http://localhost:" + port).get()
                .uri("/api/stream/schedule?doctorId={id}", doctorId).header(HttpHeaders.HOST, "apollo.localhost")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.issue(new Caller(doctorId, "d@apollo.test", Role.DOCTOR,
                        "apollo", "clinic-1")))
                .accept(MediaType.TEXT_EVENT_STREAM).retrieve()
                .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() { })
                .doOnNext(event -> open.countDown())
                .filter(event -> event.data() != null)
                .subscribe(event -> seen.put((String) event.data().get("slotId"), System.nanoTime()));
        open.await(30, TimeUnit.SECONDS);
        WebClient patient = WebClient.builder().baseUrl("http://localhost:" + port).defaultHeader(HttpHeaders.AUTHORIZATION,
                "Bearer " + tokens.issue(new Caller("bench-patient", "b@example.test", Role.PATIENT, Caller.PLATFORM_TENANT, null)))
                .build();
        Map<String, Long> committed = new ConcurrentHashMap<>();
        for (PublishSlot slot : slots) {
            patient.post().uri("/api/appointments").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("slotId", slot.slotId())).retrieve().toBodilessEntity().block(Duration.ofSeconds(30));
            committed.put(slot.slotId(), System.nanoTime());
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (seen.size() < slots.size() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        board.dispose();
        List<Long> latencies = new ArrayList<>();
        committed.forEach((slot, at) -> {
            Long arrived = seen.get(slot);
            if (arrived != null) {
                latencies.add(Math.max(0, arrived - at));
            }
        });
        return String.format("booking committed → event on the open board (%d of 100 seen): p50 %.1f ms, p99 %.1f ms",
                latencies.size(), ms(latencies, 50), ms(latencies, 99));
    }

    /** 5,000 boards open at once on this instance (clients in the same JVM), and the heap they take. */
    private String subscribers() throws Exception {
        int boards = 5_000;
        System.gc();
        long before = usedHeap();
        ConnectionProvider connections = ConnectionProvider.builder("boards").maxConnections(boards)
                .pendingAcquireMaxCount(boards).build();
        WebClient http = WebClient.builder().baseUrl("http://localhost:" + port)
                .clientConnector(new org.springframework.http.client.reactive.ReactorClientHttpConnector(
                        HttpClient.create(connections))).build();
        String bearer = "Bearer " + tokens.issue(new Caller("bench-sse", "s@apollo.test", Role.DOCTOR, "apollo", "clinic-1"));
        CountDownLatch opened = new CountDownLatch(boards);
        ConcurrentLinkedQueue<Disposable> streams = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < boards; i++) {
            streams.add(http.get().uri("/api/stream/schedule?doctorId=bench-sse").header(HttpHeaders.HOST, "apollo.localhost")
                    .header(HttpHeaders.AUTHORIZATION, bearer).accept(MediaType.TEXT_EVENT_STREAM).retrieve()
                    // the first heartbeat is a comment: it arrives as an event with no data
                    .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() { })
                    .take(1).doOnNext(first -> opened.countDown()).then(Mono.<ServerSentEvent<String>>never())
                    .subscribe());
        }
        boolean all = opened.await(120, TimeUnit.SECONDS);
        System.gc();
        long during = usedHeap();
        streams.forEach(Disposable::dispose);
        connections.dispose();
        return String.format("%d boards open at once: %s; heap used %d MiB → %d MiB (%.1f KiB per board, server and client "
                        + "in one JVM)", boards, all ? "all answered their first heartbeat" : (boards - opened.getCount()) + " answered",
                before >> 20, during >> 20, (during - before) / 1024.0 / boards);
    }

    /** 50,000 more slot events on the topic, then a rebuild of everything timed until the lag is back to zero. */
    private String rebuild() throws Exception {
        List<EventEnvelope> events = new ArrayList<>();
        Instant start = Instant.now().plus(30, ChronoUnit.DAYS);
        for (int i = 0; i < 50_000; i++) {
            events.add(new EventEnvelope(UUID.randomUUID().toString(), Instant.now(), 0,
                    new SlotPublished("bench-slot-" + i, "bench", "bench-dr-" + (i % 10_000), "bench-clinic",
                            start.plus(Duration.ofMinutes(30L * i)), start.plus(Duration.ofMinutes(30L * i + 30)),
                            "Asia/Kolkata", 1, Set.of(ConsultationMode.CLINIC))));
        }
        try (EventPublisher publisher = new EventPublisher(String.join(",", kafka.getBootstrapServers()), "bench")) {
            publisher.publish(events).block(Duration.ofMinutes(5));
        }
        waitForNoLag(Duration.ofMinutes(10));
        long records = lag.recordsInTopics();
        long started = System.nanoTime();
        context.getBean(com.illajwala.projections.ProjectionConsumer.class).rebuild().block(Duration.ofMinutes(1));
        waitForNoLag(Duration.ofMinutes(30));
        double seconds = (System.nanoTime() - started) / 1e9;
        return String.format("rebuild: %,d events replayed in %.1f s = %,.0f events/s", records, seconds, records / seconds);
    }

    /** Waits for the read side to catch up (lag checked every 100 ms), printing how fast it applies events meanwhile. */
    private void waitForNoLag(Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        long started = System.nanoTime();
        long behind = lag.measure();
        long first = behind;
        long printed = started;
        while (behind != 0 && System.nanoTime() < deadline) {
            Mono.delay(Duration.ofMillis(100)).block();
            behind = lag.measure();
            if (System.nanoTime() - printed > TimeUnit.SECONDS.toNanos(5) || behind == 0) {
                printed = System.nanoTime();
                System.out.printf("  read side %,d events behind (%,.0f events/s so far)%n", behind,
                        (first - behind) / ((System.nanoTime() - started) / 1e9));
            }
        }
    }

    private static long usedHeap() {
        return Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    }

    private static double ms(List<Long> nanos, int percentile) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1)) / 1e6;
    }
}
