package com.illajwala.notifications.delivery;

import com.illajwala.events.notification.NotificationChannel;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The most SMS and WhatsApp messages a patient gets a (UTC) day per channel. A send takes a place
 * under the cap before it goes (one atomic statement, so instances never overshoot together) and
 * gives it back if it fails.
 */
public final class DailyCaps {

    private final JdbcTemplate jdbc;

    public DailyCaps(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether there was a place left under {@code cap}; if so it is now taken. */
    public boolean take(String patientId, NotificationChannel channel, int cap, Instant now) {
        if (cap < 1) {
            return false;
        }
        return !jdbc.queryForList("INSERT INTO notification_daily_count (patient_id, channel, day, sent) VALUES (?, ?, ?, 1) "
                        + "ON CONFLICT (patient_id, channel, day) DO UPDATE SET sent = notification_daily_count.sent + 1 "
                        + "WHERE notification_daily_count.sent < ? RETURNING sent",
                Integer.class, patientId, channel.code(), day(now), cap).isEmpty();
    }

    /** Gives back a place taken for a send that did not go. */
    public void giveBack(String patientId, NotificationChannel channel, Instant takenAt) {
        jdbc.update("UPDATE notification_daily_count SET sent = sent - 1 WHERE patient_id = ? AND channel = ? AND day = ? "
                + "AND sent > 0", patientId, channel.code(), day(takenAt));
    }

    private static LocalDate day(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }
}
