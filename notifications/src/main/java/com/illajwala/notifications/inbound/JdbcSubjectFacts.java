package com.illajwala.notifications.inbound;

import com.illajwala.events.IllajwalaEvent;
import com.illajwala.events.appointment.AppointmentBooked;
import com.illajwala.events.appointment.AppointmentRescheduled;
import com.illajwala.events.waitlist.WaitlistJoined;
import com.illajwala.events.waitlist.WaitlistOfferMade;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.util.Optional;

/** {@link SubjectFacts} in PostgreSQL, next to the delivery rows (so both change in one transaction). */
public final class JdbcSubjectFacts implements SubjectFacts {

    private final JdbcTemplate jdbc;

    public JdbcSubjectFacts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void remember(IllajwalaEvent event) {
        if (event instanceof AppointmentBooked booked) {
            jdbc.update("INSERT INTO notification_appointment (appointment_id, tenant_id, patient_id, doctor_id, clinic_id, "
                            + "starts_at, ends_at, timezone) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    booked.appointmentId(), booked.tenantId(), booked.patientId(), booked.doctorId(), booked.clinicId(),
                    Timestamp.from(booked.start()), Timestamp.from(booked.end()), booked.timezone());
        } else if (event instanceof AppointmentRescheduled moved) {
            jdbc.update("UPDATE notification_appointment SET doctor_id = ?, clinic_id = ?, starts_at = ?, ends_at = ?, "
                            + "timezone = ? WHERE appointment_id = ?", moved.doctorId(), moved.clinicId(),
                    Timestamp.from(moved.start()), Timestamp.from(moved.end()), moved.timezone(), moved.appointmentId());
        } else if (event instanceof WaitlistJoined joined) {
            jdbc.update("INSERT INTO notification_waitlist_entry (entry_id, tenant_id, patient_id, clinic_id, doctor_id) "
                            + "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", joined.entryId(), joined.tenantId(),
                    joined.patientId(), joined.clinicId(), joined.doctorId());
        } else if (event instanceof WaitlistOfferMade offer) {
            // an entry for any doctor of a specialization learns which doctor from its offers
            jdbc.update("INSERT INTO notification_waitlist_entry (entry_id, tenant_id, patient_id, clinic_id, doctor_id) "
                            + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (entry_id) DO UPDATE SET doctor_id = EXCLUDED.doctor_id",
                    offer.entryId(), offer.tenantId(), offer.patientId(), offer.clinicId(), offer.doctorId());
        }
    }

    @Override
    public Optional<Appointment> appointment(String appointmentId) {
        return jdbc.query("SELECT appointment_id, tenant_id, patient_id, doctor_id, clinic_id, starts_at, ends_at, timezone "
                        + "FROM notification_appointment WHERE appointment_id = ?",
                (row, index) -> new Appointment(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getTimestamp(6).toInstant(),
                        row.getTimestamp(7) == null ? null : row.getTimestamp(7).toInstant(), row.getString(8)),
                appointmentId).stream().findFirst();
    }

    @Override
    public Optional<WaitlistEntry> waitlistEntry(String entryId) {
        return jdbc.query("SELECT entry_id, tenant_id, patient_id, clinic_id, doctor_id FROM notification_waitlist_entry "
                        + "WHERE entry_id = ?",
                (row, index) -> new WaitlistEntry(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5)), entryId).stream().findFirst();
    }
}
