package com.illajwala.booking.doctor;

import com.illajwala.events.identity.ClinicRegistered;
import com.illajwala.events.identity.DoctorVerified;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * What booking-core needs to know of identity: which doctors are verified and of which tenant,
 * and each clinic's tenant and time zone. Kept from identity's events in the shared event store by
 * a tracking processor, so it works the same whether identity runs in this process or another.
 */
@Component
@ProcessingGroup("bookable-doctors")
public class BookingDirectory implements BookableDoctors {

    /** A clinic as booking needs it. */
    public record ClinicZone(String tenantId, String timezone) {
    }

    private final JdbcTemplate jdbc;

    BookingDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(DoctorVerified event) {
        jdbc.update("INSERT INTO bookable_doctor (doctor_id, tenant_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                event.doctorId(), event.tenantId());
    }

    @EventHandler
    void on(ClinicRegistered event) {
        jdbc.update("INSERT INTO clinic_zone (clinic_id, tenant_id, timezone) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                event.clinicId(), event.tenantId(), event.timezone());
    }

    @Override
    public boolean isBookable(String doctorId) {
        return tenantOfVerifiedDoctor(doctorId).isPresent();
    }

    public Optional<String> tenantOfVerifiedDoctor(String doctorId) {
        return jdbc.queryForList("SELECT tenant_id FROM bookable_doctor WHERE doctor_id = ?", String.class, doctorId)
                .stream().findFirst();
    }

    public Optional<ClinicZone> clinic(String clinicId) {
        return jdbc.query("SELECT tenant_id, timezone FROM clinic_zone WHERE clinic_id = ?",
                (row, index) -> new ClinicZone(row.getString(1), row.getString(2)), clinicId).stream().findFirst();
    }
}
