package com.illajwala.eventstore;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/**
 * The platform's one event store and one outbox path: every module whose aggregates it imports
 * appends to the same PostgreSQL store, and the same relay carries every event to Kafka.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@PropertySource("classpath:event-store-defaults.properties")
public class EventStoreModule {
}
