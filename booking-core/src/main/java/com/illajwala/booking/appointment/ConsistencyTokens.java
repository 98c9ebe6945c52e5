package com.illajwala.booking.appointment;

import com.illajwala.eventstore.command.AppendedSequences;
import com.illajwala.eventstore.command.CommandDispatcher;
import com.illajwala.web.ConsistencyToken;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Adds to a write's answer the token of the aggregate it changed: the sequence number of its last
 * stored event, as the command's own events said, or read from the store when it appended none.
 */
@Component
public class ConsistencyTokens {

    private final JdbcTemplate jdbc;
    private final CommandDispatcher commands;

    ConsistencyTokens(JdbcTemplate jdbc, CommandDispatcher commands) {
        this.jdbc = jdbc;
        this.commands = commands;
    }

    public <T> Mono<T> answer(Mono<T> write, String aggregateId, ServerHttpResponse response) {
        AppendedSequences appended = new AppendedSequences();
        return write.flatMap(result -> appended.of(aggregateId).map(Mono::just).orElseGet(() -> stored(aggregateId))
                        .doOnNext(version -> response.getHeaders().set(ConsistencyToken.HEADER,
                                new ConsistencyToken(aggregateId, version).value()))
                        .thenReturn(result))
                .contextWrite(appended::collectInto);
    }

    private Mono<Long> stored(String aggregateId) {
        return commands.blocking(() -> jdbc.queryForObject(
                "SELECT max(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, aggregateId));
    }
}
