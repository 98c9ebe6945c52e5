package com.illajwala.eventstore.outbox;

import com.illajwala.events.IllajwalaEvent;
import com.illajwala.kafka.EventEnvelope;
import com.illajwala.kafka.EventPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes every event of the store, in store order, to its Kafka topic. It runs in a tracking
 * processor: the events of a batch are sent together and the batch's unit of work, which stores
 * the processor's token, commits only after the broker acknowledged every one of them. A failure
 * rolls the batch back and the processor retries it, so delivery is at least once.
 *
 * <p>What it published is counted per event type ({@code illajwala.events}): bookings, cancellations,
 * no-shows, waitlist offers and acceptances are those types' rates. Not per tenant: the metrics
 * endpoint answers anyone, and one tenant's volume is not another's to read.
 */
@ProcessingGroup(OutboxRelay.PROCESSING_GROUP)
public class OutboxRelay {

    public static final String PROCESSING_GROUP = "outbox-relay";
    private static final String BATCH_RESOURCE = OutboxRelay.class.getName() + ".batch";
    private static final Duration ACKNOWLEDGEMENT_TIMEOUT = Duration.ofSeconds(60);

    private final EventPublisher publisher;
    private final MeterRegistry meters;

    public OutboxRelay(EventPublisher publisher, MeterRegistry meters) {
        this.publisher = publisher;
        this.meters = meters;
    }

    @EventHandler
    void on(IllajwalaEvent event, @MessageIdentifier String eventId, @Timestamp Instant time,
            @SequenceNumber Long sequence) {
        batch().add(new EventEnvelope(eventId, time, sequence, event));
    }

    private List<EventEnvelope> batch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(BATCH_RESOURCE, key -> {
            List<EventEnvelope> batch = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> {
                publisher.publish(batch).block(ACKNOWLEDGEMENT_TIMEOUT);
                batch.forEach(published -> meters.counter("illajwala.events", "type", published.data().getClass().getSimpleName())
                        .increment());
            });
            return batch;
        });
    }
}
