package com.illajwala.load;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/** What the simulations share: the protocol, and timing a request into {@link Figures}. */
final class Requests {

    private Requests() {
    }

    /** JSON, and one pool of keep-alive connections for all virtual users, as a fleet of API clients would hold. */
    static HttpProtocolBuilder pooled(LoadSettings settings) {
        return http.baseUrl(settings.baseUrl()).acceptHeader("application/json").contentTypeHeader("application/json")
                .shareConnections();
    }

    /**
     * The request, its answer's status and time kept in the session; answered with {@code expected}
     * it counts as one of the series' latencies, otherwise as {@code series_failed} (and
     * {@code series_5xx} for a server error).
     */
    static ChainBuilder timed(Figures figures, String series, HttpRequestActionBuilder request, int... expected) {
        Integer[] statuses = Arrays.stream(expected).boxed().toArray(Integer[]::new);
        return exec(request.check(status().saveAs("status"), responseTimeInMillis().saveAs("millis"), status().in(statuses)))
                .exec(session -> {
                    int status = session.contains("status") ? session.getInt("status") : 0;
                    if (Arrays.stream(expected).anyMatch(s -> s == status)) {
                        figures.latency(series, session.getInt("millis"));
                    } else {
                        figures.count(series + "_failed");
                        if (status >= 500) {
                            figures.count(series + "_5xx");
                        }
                    }
                    return session.remove("status").remove("millis");
                });
    }

    /** Hands out each element once, from any thread; null when all are taken. */
    static final class Pool<T> {
        private final List<T> items;
        private final AtomicInteger next = new AtomicInteger();

        Pool(List<T> items) {
            this.items = items;
        }

        T take() {
            int index = next.getAndIncrement();
            return index < items.size() ? items.get(index) : null;
        }

        int size() {
            return items.size();
        }
    }

    /** Round-robin over the elements, from any thread. */
    static <T> Supplier<T> cycle(List<T> items) {
        AtomicInteger next = new AtomicInteger();
        return () -> items.get(Math.floorMod(next.getAndIncrement(), items.size()));
    }
}
