package com.illajwala.eventstore;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.sql.SQLException;

/**
 * Points Axon's JDBC engine, token store and saga store (auto-configured by Axon) at the
 * Flyway-managed tables of {@code db/migration}, whose names are snake_case.
 */
@Configuration(proxyBeanMethods = false)
public class EventStoreConfiguration {

    private static final String UNIQUE_VIOLATION = "23505";

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .eventIdentifierColumn("event_identifier")
                .typeColumn("type")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    @Bean
    SagaSqlSchema sagaSqlSchema() {
        return new PostgresSagaSqlSchema(SagaSchema.builder()
                .sagaEntryTable("saga_entry")
                .sagaIdColumn("saga_id")
                .revisionColumn("revision")
                .sagaTypeColumn("saga_type")
                .serializedSagaColumn("serialized_saga")
                .associationValueEntryTable("association_value_entry")
                .associationKeyColumn("association_key")
                .associationValueColumn("association_value")
                .build());
    }

    /**
     * Every tracking processor (the sagas and the event processors; the outbox relay sets its own)
     * handles up to {@code illajwala.processors.batch-size} events in one transaction. One at a time,
     * each processor paid a transaction, a token update and a durable commit per event: under a booking
     * load, several per booking. A batch that fails is retried whole, which handlers already allow
     * (they are idempotent: a crash replays from the last token anyway).
     */
    @Bean
    ConfigurerModule trackingProcessorBatches(@Value("${illajwala.processors.batch-size:100}") int batchSize) {
        return configurer -> configurer.eventProcessing().registerTrackingEventProcessorConfiguration(
                c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(batchSize));
    }

    /**
     * A unique violation on append means another writer appended the same aggregate sequence
     * first; Axon turns it into a ConcurrencyException, which the command dispatcher retries.
     */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return exception -> {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                    return true;
                }
            }
            return false;
        };
    }
}
