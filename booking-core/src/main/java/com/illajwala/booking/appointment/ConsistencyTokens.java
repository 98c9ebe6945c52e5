package com.illajwala.booking.appointment;

import com.illajwala.web.ConsistencyToken;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Adds to a write's answer the token of the aggregate it changed: the sequence number of its last stored event. */
@Component
public class ConsistencyTokens {

    private final JdbcTemplate jdbc;

    ConsistencyTokens(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public <T> Mono<T> answer(Mono<T> write, String aggregateId, ServerHttpResponse response) {
        return write.flatMap(result -> Mono.fromCallable(() -> jdbc.queryForObject(
                        "SELECT max(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class,
                        aggregateId))
                .subscribeOn(Schedulers.boundedElastic())
                .doOnNext(version -> response.getHeaders().set(ConsistencyToken.HEADER,
                        new ConsistencyToken(aggregateId, version).value()))
                .thenReturn(result));
    }
}
