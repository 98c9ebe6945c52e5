package com.illajwala.kafka;

import com.illajwala.events.EventCatalogue;
import com.illajwala.events.EventType;
import com.illajwala.events.IllajwalaEvent;

import java.time.Instant;

/**
 * An event with its CloudEvents attributes, as it travels on Kafka.
 *
 * @param id       the event's id ({@code ce_id}), stable across redelivery: consumers deduplicate by it
 * @param time     when the event was committed to the event store
 * @param sequence the event's sequence number within its aggregate
 */
public record EventEnvelope(String id, Instant time, long sequence, IllajwalaEvent data) {

    public EventType<?> type() {
        return EventCatalogue.typeOf(data);
    }

    public String subject() {
        return data.aggregateId();
    }

    public String tenantId() {
        return data.tenantId();
    }
}
