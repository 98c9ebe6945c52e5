package com.illajwala.events;

/** An event of the public contract: every event names its tenant and the aggregate it belongs to. */
public interface IllajwalaEvent {

    /** The tenant (healthcare organisation) whose data this event is. */
    String tenantId();

    /** The id of the aggregate that emitted the event; the Kafka record key and {@code ce_subject}. */
    String aggregateId();
}
