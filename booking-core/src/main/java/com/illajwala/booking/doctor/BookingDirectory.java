package com.illajwala.booking.doctor;

import com.illajwala.events.identity.ClinicRegistered;
import com.illajwala.events.identity.DoctorOnboarded;
import com.illajwala.events.identity.DoctorVerified;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What booking-core needs to know of identity: which doctors are verified and of which tenant,
 * their fees, and each clinic's tenant and time zone. Kept from identity's events in the shared event store by
 * a tracking processor, so it works the same whether identity runs in this process or another.
 */
@Component
@ProcessingGroup("bookable-doctors")
public class BookingDirectory implements BookableDoctors, ClinicPolicies {

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
    void on(DoctorOnboarded event) {
        jdbc.update("INSERT INTO doctor_fee (doctor_id, fee, currency) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                event.doctorId(), event.fee(), event.currency());
    }

    @EventHandler
    void on(ClinicRegistered event) {
        jdbc.update("INSERT INTO clinic_zone (clinic_id, tenant_id, timezone, cancellation_notice_hours, reminder_hours) "
                        + "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", event.clinicId(), event.tenantId(), event.timezone(),
                event.cancellationNoticeHours(), event.reminderHoursBefore().stream().map(String::valueOf)
                        .collect(java.util.stream.Collectors.joining(",")));
    }

    @Override
    public boolean isBookable(String doctorId) {
        return tenantOfVerifiedDoctor(doctorId).isPresent();
    }

    public Optional<String> tenantOfVerifiedDoctor(String doctorId) {
        return jdbc.queryForList("SELECT tenant_id FROM bookable_doctor WHERE doctor_id = ?", String.class, doctorId)
                .stream().findFirst();
    }

    /** The doctor's fee in the currency's minor units (paise, pence). */
    public Optional<Fee> feeOf(String doctorId) {
        return jdbc.query("SELECT fee, currency FROM doctor_fee WHERE doctor_id = ?",
                (row, index) -> new Fee(row.getBigDecimal(1).movePointRight(2).longValueExact(), row.getString(2)),
                doctorId).stream().findFirst();
    }

    /** A consultation fee in minor units. */
    public record Fee(long amountMinor, String currency) {
    }

    @Override
    public Duration cancellationNotice(String clinicId) {
        return jdbc.queryForList("SELECT cancellation_notice_hours FROM clinic_zone WHERE clinic_id = ?", Integer.class,
                clinicId).stream().findFirst().map(Duration::ofHours).orElse(DEFAULT_CANCELLATION_NOTICE);
    }

    @Override
    public List<Duration> reminders(String clinicId) {
        return jdbc.queryForList("SELECT reminder_hours FROM clinic_zone WHERE clinic_id = ?", String.class, clinicId)
                .stream().findFirst()
                .map(hours -> hours.isBlank() ? List.<Duration>of() : java.util.Arrays.stream(hours.split(","))
                        .map(hour -> Duration.ofHours(Long.parseLong(hour))).toList())
                .orElse(DEFAULT_REMINDERS);
    }

    public Optional<ClinicZone> clinic(String clinicId) {
        return jdbc.query("SELECT tenant_id, timezone FROM clinic_zone WHERE clinic_id = ?",
                (row, index) -> new ClinicZone(row.getString(1), row.getString(2)), clinicId).stream().findFirst();
    }
}
