package com.illajwala.load;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Simulation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

/**
 * Anonymous doctor search at {@code load.search.rate} requests a second (200), open model, after a
 * warm-up: filters by specialty, city-less free text and sort, on the platform's host (every
 * tenant) and on the tenant's. Onboards {@code load.search.doctors} doctors (100) first; brief
 * §11's 10,000 doctors are measured by {@code ./bench/read-side}, which can write them directly.
 */
public class DoctorSearchSimulation extends Simulation {

    private final LoadSettings settings = LoadSettings.fromSystemProperties();
    private final Figures figures = new Figures();
    private final int rate = LoadSettings.intProperty("load.search.rate", 200);
    private final Duration warmUp = Duration.ofSeconds(LoadSettings.intProperty("load.warm-up", 10));
    private final Supplier<String[]> queries;

    public DoctorSearchSimulation() {
        LoadFixture fixture = LoadFixture.connect();
        fixture.doctors(LoadSettings.intProperty("load.search.doctors", 100), 0);
        List<String[]> all = new ArrayList<>();
        String[] sorts = {"next_available", "name", "fee"};
        for (int i = 0; i < 60; i++) {
            String specialty = LoadFixture.SPECIALTIES[i % LoadFixture.SPECIALTIES.length].replace(" ", "+");
            String host = i % 2 == 0 ? settings.publicHost() : settings.tenantHost();
            all.add(new String[] {host, i % 3 == 0 ? "q=load+" + fixture.runId + "&sort=" + sorts[i % sorts.length]
                    : "specialty=" + specialty + "&sort=" + sorts[i % sorts.length] + "&page=" + (1 + i % 2)});
        }
        queries = Requests.cycle(all);
        setUp(scenario("warm-up").exec(search("search_warm_up")).injectOpen(constantUsersPerSec(rate).during(warmUp))
                .andThen(scenario("search").exec(search("search"))
                        .injectOpen(constantUsersPerSec(rate).during(settings.duration()))))
                .protocols(Requests.pooled(settings));
    }

    private ChainBuilder search(String series) {
        return exec(session -> {
            String[] query = queries.get();
            return session.set("host", query[0]).set("query", query[1]);
        }).exec(Requests.timed(figures, series, http(series).get("/api/doctors?#{query}").header("Host", "#{host}"), 200));
    }

    @Override
    public void after() {
        figures.write(settings);
    }
}
