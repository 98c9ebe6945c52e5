/**
 * The event store (Axon's JDBC engine on Flyway-managed PostgreSQL tables), the command
 * dispatcher that keeps blocking command handling off the event loop, and the outbox relay that
 * carries every committed event, of booking and identity alike, to its Kafka topic.
 */
package com.illajwala.eventstore;
