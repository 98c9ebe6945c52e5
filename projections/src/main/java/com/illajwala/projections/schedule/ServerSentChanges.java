package com.illajwala.projections.schedule;

import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

/** A stream's changes as Server-Sent Events: {@code id:} to resume from, {@code event:} the type, heartbeats between. */
final class ServerSentChanges {

    /** Sent first when the stream cannot resume where the client left off: it should reload, then follow. */
    static final String RELOAD = "reload";

    private ServerSentChanges() {
    }

    static Flux<ServerSentEvent<Object>> of(LiveAppointments.Subscription subscription,
                                            Predicate<LiveAppointments.Change> wanted, Duration heartbeatInterval) {
        Flux<ServerSentEvent<Object>> reload = subscription.reload()
                ? Flux.just(ServerSentEvent.builder((Object) Map.of("reason", "resume_unavailable")).event(RELOAD).build())
                : Flux.empty();
        Flux<ServerSentEvent<Object>> changes = subscription.changes()
                .filter(wanted)
                .map(change -> ServerSentEvent.builder((Object) change.envelope().data())
                        .id(change.id())
                        .event(change.envelope().type().name())
                        .build());
        // a subscriber too slow to take a heartbeat misses it rather than failing its stream
        Flux<ServerSentEvent<Object>> heartbeats = Flux.interval(heartbeatInterval)
                .onBackpressureDrop()
                .map(tick -> ServerSentEvent.builder().comment("heartbeat").build());
        return Flux.concat(reload, Flux.merge(changes, heartbeats));
    }
}
