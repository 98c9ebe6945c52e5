package com.illajwala.notifications.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.illajwala.events.notification.NotificationChannel;
import com.illajwala.events.notification.NotificationKind;
import com.illajwala.kafka.CloudEventCodec;
import com.illajwala.notifications.inbound.PlannedNotification;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The delivery rows. Inserting is idempotent per (event, subject, channel); claiming takes due rows
 * with {@code FOR UPDATE SKIP LOCKED} and leases them, so instances never work on the same row at once
 * and a row whose instance died is due again when its lease ends; every final outcome is written only
 * over a pending row, once.
 */
public final class Deliveries {

    private static final int LONGEST_ERROR = 500;
    private static final String COLUMNS = "notification_id, event_id, subject_id, channel, kind, tenant_id, patient_id, "
            + "appointment_id, waitlist_entry_id, doctor_id, clinic_id, starts_at, ends_at, timezone, details, "
            + "idempotency_key, created_at, attempts, status, reason, decided_at";
    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
    };
    private static final RowMapper<Notification> ROW = Deliveries::notification;

    private final JdbcTemplate jdbc;

    public Deliveries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A row per channel, pending and due now; rows the event already has stay as they are. */
    public void insert(PlannedNotification plan, Collection<NotificationChannel> channels, Instant now) {
        String details = json(plan.details());
        for (NotificationChannel channel : channels) {
            jdbc.update("INSERT INTO notification (notification_id, event_id, subject_id, channel, kind, tenant_id, patient_id, "
                            + "appointment_id, waitlist_entry_id, doctor_id, clinic_id, starts_at, ends_at, timezone, details, "
                            + "idempotency_key, created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                            + "ON CONFLICT DO NOTHING",
                    plan.notificationId(channel), plan.eventId(), plan.subjectId(), channel.code(), plan.kind().code(),
                    plan.tenantId(), plan.patientId(), plan.appointmentId(), plan.waitlistEntryId(), plan.doctorId(),
                    plan.clinicId(), timestamp(plan.startsAt()), timestamp(plan.endsAt()), plan.timezone(), details,
                    plan.idempotencyKey(channel), Timestamp.from(now), Timestamp.from(now));
        }
    }

    /** Up to {@code limit} due rows, leased to the caller until {@code leasedUntil}. */
    public List<Notification> claimDue(int limit, Instant now, Instant leasedUntil) {
        return jdbc.query("UPDATE notification SET next_attempt_at = ? WHERE notification_id IN ("
                        + "SELECT notification_id FROM notification WHERE status = 'pending' AND next_attempt_at <= ? "
                        + "ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED) RETURNING " + COLUMNS,
                ROW, Timestamp.from(leasedUntil), Timestamp.from(now), limit);
    }

    /** Records the final outcomes of pending rows, in order; for each, false if it was decided already. */
    boolean[] decideAll(List<OutcomeRecorder.Outcome> outcomes) {
        int[] updated = jdbc.batchUpdate("UPDATE notification SET status = ?, reason = ?, provider_ref = ?, "
                        + "last_error = COALESCE(?, last_error), decided_at = ? WHERE notification_id = ? AND status = 'pending'",
                outcomes.stream().map(outcome -> new Object[]{outcome.status().code(), outcome.reason(),
                        outcome.providerReference(), truncate(outcome.error()), Timestamp.from(outcome.decidedAt()),
                        outcome.notificationId()}).toList());
        boolean[] decided = new boolean[updated.length];
        for (int i = 0; i < updated.length; i++) {
            decided[i] = updated[i] == 1;
        }
        return decided;
    }

    /** Another attempt later; {@code attempts} counts the ones made. */
    public void retryLater(String notificationId, int attempts, Instant at, String error) {
        jdbc.update("UPDATE notification SET attempts = ?, next_attempt_at = ?, last_error = ? "
                        + "WHERE notification_id = ? AND status = 'pending'",
                attempts, Timestamp.from(at), truncate(error), notificationId);
    }

    /** Decided rows whose outcome event is not on Kafka yet, locked for the caller's transaction. */
    public List<Notification> lockUnpublished(int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM notification WHERE status <> 'pending' AND published_at IS NULL "
                + "ORDER BY decided_at LIMIT ? FOR UPDATE SKIP LOCKED", ROW, limit);
    }

    public void markPublished(Collection<String> notificationIds, Instant now) {
        jdbc.batchUpdate("UPDATE notification SET published_at = ? WHERE notification_id = ?",
                notificationIds.stream().map(id -> new Object[]{Timestamp.from(now), id}).toList());
    }

    private static Notification notification(ResultSet row, int index) throws SQLException {
        return new Notification(row.getString("notification_id"), row.getString("event_id"), row.getString("subject_id"),
                NotificationChannel.valueOf(row.getString("channel").toUpperCase(Locale.ROOT)),
                NotificationKind.valueOf(row.getString("kind").toUpperCase(Locale.ROOT)),
                row.getString("tenant_id"), row.getString("patient_id"), row.getString("appointment_id"),
                row.getString("waitlist_entry_id"), row.getString("doctor_id"), row.getString("clinic_id"),
                instant(row.getTimestamp("starts_at")), instant(row.getTimestamp("ends_at")), row.getString("timezone"),
                details(row.getString("details")), row.getString("idempotency_key"), instant(row.getTimestamp("created_at")),
                row.getInt("attempts"), Notification.Status.of(row.getString("status")), row.getString("reason"),
                instant(row.getTimestamp("decided_at")));
    }

    private static Map<String, Object> details(String json) {
        try {
            return CloudEventCodec.JSON.readValue(json, DETAILS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable notification details: " + json, e);
        }
    }

    private static String json(Map<String, Object> details) {
        try {
            return CloudEventCodec.JSON.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String truncate(String error) {
        return error == null || error.length() <= LONGEST_ERROR ? error : error.substring(0, LONGEST_ERROR);
    }
}
