package com.illajwala.booking.schedule;

import com.illajwala.events.AppointmentStatus;
import com.illajwala.events.appointment.AppointmentBooked;
import com.illajwala.events.appointment.AppointmentCancelled;
import com.illajwala.events.appointment.AppointmentCheckedIn;
import com.illajwala.events.appointment.AppointmentCompleted;
import com.illajwala.events.appointment.AppointmentConfirmed;
import com.illajwala.events.appointment.AppointmentConsultationStarted;
import com.illajwala.events.appointment.AppointmentMarkedNoShow;
import com.illajwala.events.appointment.AppointmentRescheduled;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;

/**
 * Each appointment's doctor, start, clinic time zone and status, kept from the appointments' events
 * by a tracking processor over the whole store (so appointments booked before this table existed are
 * in it too), to answer which of a doctor's appointments on a day are still to be seen.
 */
@Component
@ProcessingGroup(DayAppointments.PROCESSING_GROUP)
public class DayAppointments {

    static final String PROCESSING_GROUP = "day-appointments";

    private final JdbcTemplate jdbc;

    DayAppointments(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AppointmentBooked event) {
        jdbc.update("INSERT INTO day_appointment (appointment_id, tenant_id, doctor_id, start_at, timezone, status) "
                        + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", event.appointmentId(), event.tenantId(),
                event.doctorId(), Timestamp.from(event.start()), event.timezone(), event.status().name());
    }

    @EventHandler
    void on(AppointmentRescheduled event) {
        jdbc.update("UPDATE day_appointment SET doctor_id = ?, start_at = ?, timezone = ? WHERE appointment_id = ?",
                event.doctorId(), Timestamp.from(event.start()), event.timezone(), event.appointmentId());
    }

    @EventHandler
    void on(AppointmentConfirmed event) {
        status(event.appointmentId(), AppointmentStatus.CONFIRMED);
    }

    @EventHandler
    void on(AppointmentCheckedIn event) {
        status(event.appointmentId(), AppointmentStatus.CHECKED_IN);
    }

    @EventHandler
    void on(AppointmentConsultationStarted event) {
        status(event.appointmentId(), AppointmentStatus.IN_CONSULTATION);
    }

    @EventHandler
    void on(AppointmentCompleted event) {
        status(event.appointmentId(), AppointmentStatus.COMPLETED);
    }

    @EventHandler
    void on(AppointmentCancelled event) {
        status(event.appointmentId(), AppointmentStatus.CANCELLED);
    }

    @EventHandler
    void on(AppointmentMarkedNoShow event) {
        status(event.appointmentId(), AppointmentStatus.NO_SHOW);
    }

    private void status(String appointmentId, AppointmentStatus status) {
        jdbc.update("UPDATE day_appointment SET status = ? WHERE appointment_id = ?", status.name(), appointmentId);
    }

    /** The doctor's confirmed and checked-in appointments on the day (in each one's clinic time zone), by start. */
    public List<String> stillToBeSeen(String doctorId, LocalDate date) {
        return jdbc.queryForList("SELECT appointment_id FROM day_appointment WHERE doctor_id = ? "
                        + "AND status IN ('CONFIRMED', 'CHECKED_IN') "
                        + "AND start_at >= ?::date - INTERVAL '1 day' AND start_at < ?::date + INTERVAL '2 days' "
                        + "AND (start_at AT TIME ZONE timezone)::date = ? ORDER BY start_at, appointment_id",
                String.class, doctorId, date, date, date);
    }
}
