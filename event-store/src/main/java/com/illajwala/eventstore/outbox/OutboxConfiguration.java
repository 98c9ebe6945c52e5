package com.illajwala.eventstore.outbox;

import com.illajwala.kafka.EventPublisher;
import com.illajwala.kafka.KafkaTopics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;

/** The outbox relay: one tracking processor over the event store, publishing to Kafka. */
@Configuration(proxyBeanMethods = false)
public class OutboxConfiguration {

    @Bean(destroyMethod = "close")
    EventPublisher eventPublisher(KafkaConnectionDetails kafka,
                                  @Value("${illajwala.kafka.partitions:6}") int partitions,
                                  @Value("${illajwala.kafka.replication-factor:1}") short replicationFactor) {
        String bootstrapServers = String.join(",", kafka.getBootstrapServers());
        KafkaTopics.ensureExist(bootstrapServers, partitions, replicationFactor);
        return new EventPublisher(bootstrapServers, "outbox-relay");
    }

    @Bean
    OutboxRelay outboxRelay(EventPublisher eventPublisher, ObjectProvider<MeterRegistry> meters) {
        return new OutboxRelay(eventPublisher, meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    OutboxBacklog outboxBacklog(EventProcessingConfiguration processors, JdbcTemplate jdbc, ObjectProvider<MeterRegistry> meters) {
        return new OutboxBacklog(processors, jdbc, meters.getIfAvailable(SimpleMeterRegistry::new), Clock.systemUTC());
    }

    /**
     * One thread keeps store order. Errors propagate so a failed batch is retried (with the
     * processor's back-off) instead of being logged and skipped, which is Axon's default.
     */
    @Bean
    ConfigurerModule outboxRelayProcessor(@Value("${illajwala.outbox.batch-size:200}") int batchSize) {
        return configurer -> configurer.eventProcessing()
                .registerTrackingEventProcessor(OutboxRelay.PROCESSING_GROUP,
                        c -> c.eventStore(),
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(batchSize))
                .registerListenerInvocationErrorHandler(OutboxRelay.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
    }
}
