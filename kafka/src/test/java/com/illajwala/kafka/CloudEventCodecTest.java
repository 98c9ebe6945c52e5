package com.illajwala.kafka;

import com.illajwala.events.AppointmentStatus;
import com.illajwala.events.ConsultationMode;
import com.illajwala.events.appointment.AppointmentBooked;
import com.illajwala.events.appointment.AppointmentReminderDue;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CloudEventCodecTest {

    private final AppointmentBooked booked = new AppointmentBooked("appt-1", "apollo", "slot-1", "doc-1", "clinic-1",
            "patient-1", null, Instant.parse("2026-12-01T03:30:00Z"), Instant.parse("2026-12-01T04:00:00Z"),
            "Asia/Kolkata", ConsultationMode.CLINIC, AppointmentStatus.CONFIRMED);
    private final EventEnvelope envelope = new EventEnvelope("evt-1", Instant.parse("2026-11-24T10:00:00Z"), 3, booked);

    @Test
    void writesCloudEventsBinaryModeHeadersAndKeysByAggregate() {
        ProducerRecord<String, byte[]> record = CloudEventCodec.encode(envelope);

        assertThat(record.topic()).isEqualTo("illajwala.appointment.v1");
        assertThat(record.key()).isEqualTo("appt-1");
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_id")).isEqualTo("evt-1");
        assertThat(header(record, "ce_type")).isEqualTo("com.illajwala.appointment.booked.v1");
        assertThat(header(record, "ce_source")).isEqualTo("/illajwala/booking");
        assertThat(header(record, "ce_subject")).isEqualTo("appt-1");
        assertThat(header(record, "ce_time")).isEqualTo("2026-11-24T10:00:00Z");
        assertThat(header(record, "ce_tenantid")).isEqualTo("apollo");
        assertThat(header(record, "content-type")).isEqualTo("application/json");
        String body = new String(record.value(), StandardCharsets.UTF_8);
        assertThat(body).contains("\"sequence\":3", "\"status\":\"confirmed\"", "\"mode\":\"clinic\"",
                "\"start\":\"2026-12-01T03:30:00Z\"");
    }

    @Test
    void decodesWhatItEncodes() {
        Optional<EventEnvelope> decoded = CloudEventCodec.decode(asConsumed(CloudEventCodec.encode(envelope)));

        assertThat(decoded).contains(envelope);
    }

    /** Durations as the published schema says (ISO-8601); records written before, in seconds, still read. */
    @Test
    void writesDurationsAsIso8601AndStillReadsSeconds() {
        EventEnvelope reminder = new EventEnvelope("evt-2", Instant.parse("2026-11-30T03:30:00Z"), 4,
                new AppointmentReminderDue("appt-1", "apollo", "patient-1", "doc-1", "clinic-1",
                        Instant.parse("2026-12-01T03:30:00Z"), "Asia/Kolkata", Duration.ofHours(24)));
        ProducerRecord<String, byte[]> record = CloudEventCodec.encode(reminder);
        String body = new String(record.value(), StandardCharsets.UTF_8);
        assertThat(body).contains("\"before\":\"PT24H\"");

        ProducerRecord<String, byte[]> inSeconds = new ProducerRecord<>(record.topic(), null, record.key(),
                body.replace("\"PT24H\"", "86400.000000000").getBytes(StandardCharsets.UTF_8), record.headers());
        assertThat(CloudEventCodec.decode(asConsumed(inSeconds))).contains(reminder);
    }

    @Test
    void skipsTypesThisVersionDoesNotKnow() {
        ProducerRecord<String, byte[]> record = CloudEventCodec.encode(envelope);
        record.headers().remove("ce_type");
        record.headers().add("ce_type", "com.illajwala.appointment.teleported.v9".getBytes(StandardCharsets.UTF_8));

        assertThat(CloudEventCodec.decode(asConsumed(record))).isEmpty();
    }

    @Test
    void refusesAKnownTypeWithAnUnreadableBody() {
        ProducerRecord<String, byte[]> good = CloudEventCodec.encode(envelope);
        ProducerRecord<String, byte[]> bad = new ProducerRecord<>(good.topic(), null, good.key(),
                "{not json".getBytes(StandardCharsets.UTF_8), good.headers());

        assertThatThrownBy(() -> CloudEventCodec.decode(asConsumed(bad)))
                .isInstanceOf(CloudEventCodec.MalformedEventException.class);
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static ConsumerRecord<String, byte[]> asConsumed(ProducerRecord<String, byte[]> record) {
        ConsumerRecord<String, byte[]> consumed = new ConsumerRecord<>(record.topic(), 0, 0L, record.key(), record.value());
        RecordHeaders headers = (RecordHeaders) consumed.headers();
        record.headers().forEach(headers::add);
        return consumed;
    }
}
