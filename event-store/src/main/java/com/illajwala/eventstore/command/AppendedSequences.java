package com.illajwala.eventstore.command;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The sequence number each aggregate reached in the commands sent while these are collected, noted
 * from their events as the command's unit of work publishes them (on the command's own thread): a
 * write's consistency token without reading the store back. A command retried after a conflict may
 * note a number its first attempt did not keep; the aggregate has that number from the other writer.
 */
public final class AppendedSequences {

    private static final ThreadLocal<AppendedSequences> COLLECTING = new ThreadLocal<>();

    private final Map<String, Long> reached = new ConcurrentHashMap<>();

    /** Collects what the commands {@link CommandDispatcher#send sent} under the returned context append. */
    public Context collectInto(Context context) {
        return context.put(AppendedSequences.class, this);
    }

    public Optional<Long> of(String aggregateId) {
        return Optional.ofNullable(reached.get(aggregateId));
    }

    static Optional<AppendedSequences> in(ContextView context) {
        return context.getOrEmpty(AppendedSequences.class);
    }

    <R> R during(Supplier<R> command) {
        AppendedSequences outer = COLLECTING.get();
        COLLECTING.set(this);
        try {
            return command.get();
        } finally {
            COLLECTING.set(outer);
        }
    }

    /** For the event bus: notes each domain event's sequence number for the command collecting on this thread. */
    static MessageDispatchInterceptor<EventMessage<?>> noting() {
        return events -> (index, event) -> {
            AppendedSequences collecting = COLLECTING.get();
            if (collecting != null && event instanceof DomainEventMessage<?> domainEvent) {
                collecting.reached.merge(domainEvent.getAggregateIdentifier(), domainEvent.getSequenceNumber(), Math::max);
            }
            return event;
        };
    }
}
