package com.illajwala.booking.appointment;

import com.illajwala.eventstore.command.CommandDispatcher;
import com.illajwala.events.appointment.AppointmentBooked;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

/**
 * The reason a patient gave for an appointment. It is medical data, so it never enters an event
 * (and so never reaches Kafka or the read models): it is kept here, in booking-core's own table,
 * and read through {@code GET /api/appointments/{id}/reason} by the patient and the clinic.
 */
@Component
public class AppointmentReasons {

    /** Who may read a reason: the booking's patient, doctor and tenant. */
    record Reason(String appointmentId, String tenantId, String doctorId, String patientId, String text) {
    }

    private final JdbcTemplate jdbc;
    private final CommandDispatcher commands;
    private final Clock clock = Clock.systemUTC();

    AppointmentReasons(JdbcTemplate jdbc, CommandDispatcher commands) {
        this.jdbc = jdbc;
        this.commands = commands;
    }

    Mono<Void> record(AppointmentBooked booked, String reason) {
        return commands.blocking(() -> jdbc.update("INSERT INTO appointment_reason (appointment_id, tenant_id, doctor_id,"
                        + " patient_id, reason, recorded_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (appointment_id) DO NOTHING",
                booked.appointmentId(), booked.tenantId(), booked.doctorId(), booked.patientId(), reason,
                Timestamp.from(clock.instant())))
                .then();
    }

    Mono<Optional<Reason>> of(String appointmentId) {
        return commands.blocking(() -> jdbc.query("SELECT appointment_id, tenant_id, doctor_id, patient_id, reason"
                        + " FROM appointment_reason WHERE appointment_id = ?",
                (row, index) -> new Reason(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5)),
                appointmentId).stream().findFirst());
    }
}
