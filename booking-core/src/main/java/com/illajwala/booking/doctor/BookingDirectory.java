package com.illajwala.booking.doctor;

import com.illajwala.events.identity.ClinicRegistered;
import com.illajwala.events.identity.DoctorOnboarded;
import com.illajwala.events.identity.DoctorVerified;
import com.illajwala.events.identity.WaitlistPolicy;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What booking-core needs to know of identity: which doctors are verified and of which tenant,
 * their fees and specializations, and each clinic's tenant, time zone and booking and waitlist policies. Kept from identity's events in the shared event store by
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
        jdbc.update("INSERT INTO doctor_profile (doctor_id, fee, currency, specialization) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (doctor_id) DO UPDATE SET specialization = EXCLUDED.specialization",
                event.doctorId(), event.fee(), event.currency(), event.specialization());
    }

    @EventHandler
    void on(ClinicRegistered event) {
        WaitlistPolicy waitlist = event.waitlistPolicy() == null ? WaitlistPolicy.defaults() : event.waitlistPolicy();
        jdbc.update("INSERT INTO clinic_zone (clinic_id, tenant_id, timezone, cancellation_notice_hours, reminder_hours, "
                        + "waitlist_offer_minutes, waitlist_urgency_weight, waitlist_waiting_weight, waitlist_flexibility_weight) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (clinic_id) DO UPDATE SET "
                        + "waitlist_offer_minutes = EXCLUDED.waitlist_offer_minutes, "
                        + "waitlist_urgency_weight = EXCLUDED.waitlist_urgency_weight, "
                        + "waitlist_waiting_weight = EXCLUDED.waitlist_waiting_weight, "
                        + "waitlist_flexibility_weight = EXCLUDED.waitlist_flexibility_weight",
                event.clinicId(), event.tenantId(), event.timezone(), event.cancellationNoticeHours(),
                event.reminderHoursBefore().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")),
                waitlist.offerMinutes(), waitlist.urgencyWeight(), waitlist.waitingTimeWeight(), waitlist.flexibilityWeight());
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
        return jdbc.query("SELECT fee, currency FROM doctor_profile WHERE doctor_id = ?",
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

    public Optional<String> specializationOf(String doctorId) {
        return jdbc.queryForList("SELECT specialization FROM doctor_profile WHERE doctor_id = ?", String.class, doctorId)
                .stream().filter(java.util.Objects::nonNull).findFirst();
    }

    /** The clinic's waitlist policy; the platform's defaults for a clinic booking-core has not heard of. */
    public WaitlistPolicy waitlistPolicy(String clinicId) {
        return jdbc.query("SELECT waitlist_offer_minutes, waitlist_urgency_weight, waitlist_waiting_weight, "
                        + "waitlist_flexibility_weight FROM clinic_zone WHERE clinic_id = ?",
                (row, index) -> new WaitlistPolicy(row.getInt(1), row.getInt(2), row.getInt(3), row.getInt(4)), clinicId)
                .stream().findFirst().orElse(WaitlistPolicy.defaults());
    }

    public Optional<ClinicZone> clinic(String clinicId) {
        return jdbc.query("SELECT tenant_id, timezone FROM clinic_zone WHERE clinic_id = ?",
                (row, index) -> new ClinicZone(row.getString(1), row.getString(2)), clinicId).stream().findFirst();
    }
}
