package com.illajwala.projections.analytics;

import com.illajwala.events.AppointmentStatus;
import com.illajwala.events.appointment.CancelledBy;
import com.illajwala.projections.appointment.AppointmentView;
import com.illajwala.projections.slot.SlotView;
import com.illajwala.projections.waitlist.WaitlistView;
import org.springframework.lang.Nullable;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A tenant's (or clinic's, or doctor's) figures over a range of days. Days are local to each
 * appointment's or slot's clinic.
 *
 * @param bookingsPerDay   appointments booked each day of the range (cancelled ones included)
 * @param cancellations    cancelled during the range, by who cancelled, and the mean notice in hours
 *                         (start − cancellation)
 * @param noShowRate       of the appointments that started in the range and were seen or missed, the
 *                         share missed; null when there were none
 * @param utilisation      booked seats / published seats of the slots in the range (withdrawn slots
 *                         left out); null when there were none
 * @param bookingLeadTime  bookings of the range by days between booking and appointment:
 *                         {@code same_day}, {@code next_day}, {@code within_week} (2–7),
 *                         {@code within_month} (8–30), {@code later}
 * @param waitlist         entries that joined in the range, how many of those were booked, and the share
 * @param revenue          online payments received in the range less those refunded in it, in minor
 *                         units, by currency
 */
public record AnalyticsReport(LocalDate from, LocalDate to, Map<LocalDate, Long> bookingsPerDay, long bookings,
                              Cancellations cancellations, @Nullable Double noShowRate, @Nullable Double utilisation,
                              Map<String, Long> bookingLeadTime, Waitlist waitlist, Map<String, Long> revenue) {

    public record Cancellations(long total, Map<CancelledBy, Long> by, @Nullable Double meanNoticeHours) {
    }

    public record Waitlist(long joined, long booked, @Nullable Double conversion) {
    }

    static AnalyticsReport of(LocalDate from, LocalDate to, List<AppointmentView> appointments, List<SlotView> slots,
                              List<WaitlistView> entries, Map<String, ZoneId> clinicZones) {
        Map<LocalDate, Long> perDay = new TreeMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            perDay.put(day, 0L);
        }
        Map<String, Long> leadTime = new LinkedHashMap<>();
        for (String bucket : List.of("same_day", "next_day", "within_week", "within_month", "later")) {
            leadTime.put(bucket, 0L);
        }
        Map<CancelledBy, Long> cancelledBy = new EnumMap<>(CancelledBy.class);
        long cancelled = 0;
        long noticeMinutes = 0;
        long seen = 0;
        long missed = 0;
        Map<String, Long> revenue = new TreeMap<>();
        for (AppointmentView appointment : appointments) {
            ZoneId zone = ZoneId.of(appointment.timezone());
            if (within(appointment.bookedAt(), zone, from, to)) {
                perDay.merge(LocalDate.ofInstant(appointment.bookedAt(), zone), 1L, Long::sum);
                long days = ChronoUnit.DAYS.between(LocalDate.ofInstant(appointment.bookedAt(), zone),
                        LocalDate.ofInstant(appointment.start(), zone));
                leadTime.merge(days <= 0 ? "same_day" : days == 1 ? "next_day" : days <= 7 ? "within_week"
                        : days <= 30 ? "within_month" : "later", 1L, Long::sum);
            }
            if (appointment.status() == AppointmentStatus.CANCELLED && within(appointment.cancelledAt(), zone, from, to)) {
                cancelled++;
                cancelledBy.merge(appointment.cancelledBy(), 1L, Long::sum);
                noticeMinutes += Duration.between(appointment.cancelledAt(), appointment.start()).toMinutes();
            }
            if (within(appointment.start(), zone, from, to)) {
                seen += appointment.status() == AppointmentStatus.COMPLETED ? 1 : 0;
                missed += appointment.status() == AppointmentStatus.NO_SHOW ? 1 : 0;
            }
            if (appointment.amountMinor() != null && within(appointment.paidAt(), zone, from, to)) {
                revenue.merge(appointment.currency(), appointment.amountMinor(), Long::sum);
            }
            if (appointment.amountMinor() != null && appointment.refundedPaymentIds() != null
                    && appointment.refundedPaymentIds().contains(appointment.paymentId())
                    && within(appointment.refundedAt(), zone, from, to)) {
                revenue.merge(appointment.currency(), -appointment.amountMinor(), Long::sum);
            }
        }
        long booked = 0;
        long capacity = 0;
        for (SlotView slot : slots) {
            if (!"withdrawn".equals(slot.status()) && within(slot.start(), ZoneId.of(slot.timezone()), from, to)) {
                booked += slot.seatsBooked();
                capacity += slot.capacity();
            }
        }
        long joined = 0;
        long converted = 0;
        for (WaitlistView entry : entries) {
            if (within(entry.joinedAt(), clinicZones.getOrDefault(entry.clinicId(), ZoneOffset.UTC), from, to)) {
                joined++;
                converted += "booked".equals(entry.status()) ? 1 : 0;
            }
        }
        long bookings = perDay.values().stream().mapToLong(Long::longValue).sum();
        return new AnalyticsReport(from, to, perDay, bookings,
                new Cancellations(cancelled, cancelledBy, cancelled == 0 ? null : round(noticeMinutes / 60.0 / cancelled)),
                seen + missed == 0 ? null : round((double) missed / (seen + missed)),
                capacity == 0 ? null : round((double) booked / capacity),
                leadTime,
                new Waitlist(joined, converted, joined == 0 ? null : round((double) converted / joined)),
                revenue);
    }

    private static boolean within(Instant at, ZoneId zone, LocalDate from, LocalDate to) {
        if (at == null) {
            return false;
        }
        LocalDate day = LocalDate.ofInstant(at, zone);
        return !day.isBefore(from) && !day.isAfter(to);
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
