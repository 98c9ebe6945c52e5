/**
 * The only place that talks to Kafka. {@link com.illajwala.kafka.EventPublisher} and
 * {@link com.illajwala.kafka.EventSubscriber} wrap reactor-kafka (discontinued upstream, no
 * Kafka clients 4 support), so replacing it is one change here. Records are CloudEvents 1.0 in
 * Kafka binary mode, encoded by {@link com.illajwala.kafka.CloudEventCodec}.
 */
package com.illajwala.kafka;
