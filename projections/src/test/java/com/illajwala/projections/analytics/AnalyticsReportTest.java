package com.illajwala.projections.analytics;

import com.illajwala.events.AppointmentStatus;
import com.illajwala.events.ConsultationMode;
import com.illajwala.events.appointment.CancelledBy;
import com.illajwala.projections.appointment.AppointmentView;
import com.illajwala.projections.slot.SlotView;
import com.illajwala.projections.waitlist.WaitlistView;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every figure against a day computed by hand (comments give the working). */
class AnalyticsReportTest {

    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final LocalDate FROM = LocalDate.of(2027, 2, 1);
    private static final LocalDate TO = LocalDate.of(2027, 2, 3);

    private final List<AppointmentView> appointments = List.of(
            // booked the day it happens, seen
            appointment("a1", "2027-02-01T10:00", "2027-02-01T16:00", AppointmentStatus.COMPLETED),
            // booked the day before, missed
            appointment("a2", "2027-02-01T11:00", "2027-02-02T10:00", AppointmentStatus.NO_SHOW),
            // booked four days ahead, cancelled by the patient 72 h before
            cancelled(appointment("a3", "2027-02-02T09:00", "2027-02-06T09:00", AppointmentStatus.CANCELLED),
                    "2027-02-03T09:00", CancelledBy.PATIENT),
            // booked 45 days ahead at 23:30 on the range's last day (18:00 UTC), paid online
            paid(appointment("a4", "2027-02-03T23:30", "2027-03-20T10:00", AppointmentStatus.CONFIRMED), 80_000, "INR",
                    "2027-02-03T23:31", KOLKATA),
            // booked before the range, seen within it
            appointment("a5", "2027-01-31T10:00", "2027-02-02T12:00", AppointmentStatus.COMPLETED),
            // booked ten days ahead and paid, cancelled by the clinic 228 h before and refunded: no revenue
            refunded(cancelled(paid(appointment("a6", "2027-02-02T08:00", "2027-02-12T08:00", AppointmentStatus.CANCELLED),
                    50_000, "INR", "2027-02-02T08:01", KOLKATA), "2027-02-02T20:00", CancelledBy.CLINIC), "2027-02-02T20:01"),
            // booked ten minutes after the range ends in Bengaluru (still 3 February in UTC): not counted
            appointment("a7", "2027-02-04T00:10", "2027-02-05T10:00", AppointmentStatus.CONFIRMED),
            // a London clinic's appointment booked long before, paid within the range
            paid(inZone(appointment("a8", "2027-01-20T10:00", "2027-02-20T10:00", AppointmentStatus.CONFIRMED), LONDON),
                    6_000, "GBP", "2027-02-01T09:00", LONDON));

    private final List<SlotView> slots = List.of(
            slot("s1", "2027-02-01T16:00", 1, 1, "full"),
            slot("s2", "2027-02-02T10:00", 4, 1, "open"),
            slot("s3", "2027-02-03T10:00", 1, 0, "open"),
            slot("s4", "2027-02-03T11:00", 1, 0, "withdrawn"),
            slot("s5", "2027-02-05T10:00", 1, 1, "full"));

    private final List<WaitlistView> entries = List.of(
            entry("w1", "2027-02-01T10:00", "booked"),
            entry("w2", "2027-02-02T10:00", "pending"),
            entry("w3", "2027-02-03T10:00", "expired"),
            entry("w4", "2027-01-30T10:00", "booked"));

    @Test
    void everyFigureMatchesTheHandComputedDay() {
        AnalyticsReport report = AnalyticsReport.of(FROM, TO, appointments, slots, entries, Map.of("clinic-1", KOLKATA));

        assertThat(report.bookingsPerDay()).containsExactly(Map.entry(FROM, 2L), Map.entry(FROM.plusDays(1), 2L),
                Map.entry(TO, 1L));
        assertThat(report.bookings()).isEqualTo(5);
        assertThat(report.bookingLeadTime()).containsExactly(Map.entry("same_day", 1L), Map.entry("next_day", 1L),
                Map.entry("within_week", 1L), Map.entry("within_month", 1L), Map.entry("later", 1L));
        assertThat(report.cancellations().total()).isEqualTo(2);
        assertThat(report.cancellations().by()).containsOnly(Map.entry(CancelledBy.PATIENT, 1L), Map.entry(CancelledBy.CLINIC, 1L));
        // (72 + 228) / 2
        assertThat(report.cancellations().meanNoticeHours()).isEqualTo(150.0);
        // a1 and a5 seen, a2 missed
        assertThat(report.noShowRate()).isEqualTo(0.3333);
        // s1, s2, s3: 2 booked of 6 seats; s4 withdrawn, s5 after the range
        assertThat(report.utilisation()).isEqualTo(0.3333);
        assertThat(report.waitlist()).isEqualTo(new AnalyticsReport.Waitlist(3, 1, 0.3333));
        assertThat(report.revenue()).containsExactly(Map.entry("GBP", 6_000L), Map.entry("INR", 80_000L));
    }

    @Test
    void anEmptyRangeHasZeroesAndNoRates() {
        AnalyticsReport report = AnalyticsReport.of(LocalDate.of(2030, 1, 1), LocalDate.of(2030, 1, 1), appointments,
                slots, entries, Map.of());
        assertThat(report.bookings()).isZero();
        assertThat(report.noShowRate()).isNull();
        assertThat(report.utilisation()).isNull();
        assertThat(report.cancellations().meanNoticeHours()).isNull();
        assertThat(report.waitlist()).isEqualTo(new AnalyticsReport.Waitlist(0, 0, null));
        assertThat(report.revenue()).isEmpty();
    }

    private static AppointmentView appointment(String id, String bookedAt, String start, AppointmentStatus status) {
        Instant begins = at(start, KOLKATA);
        return new AppointmentView(id, "apollo", "slot-" + id, "dr-1", "clinic-1", "patient-" + id, null, begins,
                begins.plusSeconds(1800), KOLKATA.getId(), ConsultationMode.CLINIC, status, null, null, null,
                at(bookedAt, KOLKATA), null, null, null, null, null, null, null, null, 1);
    }

    private static AppointmentView cancelled(AppointmentView a, String at, CancelledBy by) {
        return new AppointmentView(a.appointmentId(), a.tenantId(), a.slotId(), a.doctorId(), a.clinicId(), a.patientId(),
                null, a.start(), a.end(), a.timezone(), a.mode(), AppointmentStatus.CANCELLED, null, null, null, a.bookedAt(),
                at(at, ZoneId.of(a.timezone())), by, a.amountMinor(), a.currency(), a.paymentId(), a.paidAt(), null, null, 1);
    }

    private static AppointmentView paid(AppointmentView a, long amount, String currency, String at, ZoneId zone) {
        return new AppointmentView(a.appointmentId(), a.tenantId(), a.slotId(), a.doctorId(), a.clinicId(), a.patientId(),
                null, a.start(), a.end(), a.timezone(), a.mode(), a.status(), null, null, null, a.bookedAt(), a.cancelledAt(),
                a.cancelledBy(), amount, currency, "pay-" + a.appointmentId(), at(at, zone), null, null, 1);
    }

    private static AppointmentView refunded(AppointmentView a, String at) {
        return new AppointmentView(a.appointmentId(), a.tenantId(), a.slotId(), a.doctorId(), a.clinicId(), a.patientId(),
                null, a.start(), a.end(), a.timezone(), a.mode(), a.status(), null, null, null, a.bookedAt(), a.cancelledAt(),
                a.cancelledBy(), a.amountMinor(), a.currency(), a.paymentId(), a.paidAt(), List.of(a.paymentId()),
                at(at, KOLKATA), 1);
    }

    /** The same local times, in another clinic's zone. */
    private static AppointmentView inZone(AppointmentView a, ZoneId zone) {
        return new AppointmentView(a.appointmentId(), a.tenantId(), a.slotId(), a.doctorId(), a.clinicId(), a.patientId(),
                null, LocalDateTime.ofInstant(a.start(), KOLKATA).atZone(zone).toInstant(),
                LocalDateTime.ofInstant(a.end(), KOLKATA).atZone(zone).toInstant(), zone.getId(), a.mode(), a.status(),
                null, null, null, LocalDateTime.ofInstant(a.bookedAt(), KOLKATA).atZone(zone).toInstant(), null, null,
                null, null, null, null, null, null, 1);
    }

    private static SlotView slot(String id, String start, int capacity, int booked, String status) {
        Instant begins = at(start, KOLKATA);
        return new SlotView(id, "apollo", "dr-1", "clinic-1", begins, begins.plusSeconds(1800), KOLKATA.getId(),
                start.substring(0, 10), capacity, booked, 0, Set.of(ConsultationMode.CLINIC), status,
                SlotView.scheduleIdOf("dr-1", "clinic-1"), begins, 1);
    }

    private static WaitlistView entry(String id, String joinedAt, String status) {
        return new WaitlistView(id, "apollo", "clinic-1", "dr-1", at(joinedAt, KOLKATA), status, 1);
    }

    private static Instant at(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }
}
