package com.illajwala.booking.doctor;

import com.illajwala.events.identity.DoctorVerified;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * booking-core's list of verified doctors, kept from identity's events in the shared event store
 * by a tracking processor, so it works the same whether identity runs in this process or another.
 */
@Component
@ProcessingGroup("bookable-doctors")
class BookableDoctorsTable implements BookableDoctors {

    private final JdbcTemplate jdbc;

    BookableDoctorsTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(DoctorVerified event) {
        jdbc.update("INSERT INTO bookable_doctor (doctor_id, tenant_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                event.doctorId(), event.tenantId());
    }

    @Override
    public boolean isBookable(String doctorId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM bookable_doctor WHERE doctor_id = ?)", Boolean.class, doctorId));
    }
}
