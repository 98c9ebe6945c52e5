/**
 * Booking core: the Slot and Appointment aggregates (Axon, event-sourced in PostgreSQL), the
 * booking route, and the outbox relay that carries every committed event to Kafka.
 * Double booking is made impossible by the event store's unique (aggregate id, sequence number)
 * constraint; everything else (Redis holds, in-JVM aggregate locks) only makes conflicts rarer.
 */
package com.illajwala.booking;
