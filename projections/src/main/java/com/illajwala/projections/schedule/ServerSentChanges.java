package com.illajwala.projections.schedule;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.illajwala.events.IllajwalaEvent;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A stream's changes as Server-Sent Events: {@code id:} to resume from, {@code event:} the type,
 * {@code data:} the event as on Kafka (its JSON plus {@code sequence}), a heartbeat comment as soon as
 * the stream opens and heartbeats between.
 */
final class ServerSentChanges {

    /**
     * The event's fields and its sequence number within its aggregate: a client that reads a view
     * after a change sends {@code {aggregateId}:{sequence}} as the consistency token, so the read
     * waits until the view has the change the stream announced.
     */
    record StreamedEvent(@JsonUnwrapped IllajwalaEvent event, long sequence) {
    }

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
                .map(change -> ServerSentEvent.builder((Object) new StreamedEvent(change.envelope().data(), change.envelope().sequence()))
                        .id(change.id())
                        .event(change.envelope().type().name())
                        .build());
        // the first heartbeat goes at once: it commits the response, so the client sees the stream
        // open on subscribe rather than at the first interval's end; a subscriber too slow to take
        // a heartbeat misses it rather than failing its stream
        Flux<ServerSentEvent<Object>> heartbeats = Flux.interval(Duration.ZERO, heartbeatInterval)
                .onBackpressureDrop()
                .map(tick -> ServerSentEvent.builder().comment("heartbeat").build());
        return Flux.concat(reload, Flux.merge(changes, heartbeats));
    }
}
