package com.illajwala.projections.schedule;

import com.illajwala.events.AppointmentStatus;
import com.illajwala.projections.appointment.AppointmentView;
import com.illajwala.projections.slot.SlotView;
import org.springframework.lang.Nullable;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A doctor's day: the queue of appointments with their statuses and times, the free gaps, and how
 * late the doctor is running.
 *
 * @param runningLateMinutes how far behind the schedule the day is, from what actually happened: the
 *                           consultation under way (started late, or running past its slot), the last
 *                           one completed (past its slot's end), and patients checked in and still
 *                           waiting after their start; never negative
 * @param queue              the day's appointments by start, cancelled and missed ones included
 * @param gaps               free time: slots nobody booked or holds, adjoining ones joined
 */
public record ScheduleBoard(String doctorId, LocalDate date, String timezone, long runningLateMinutes,
                            List<Entry> queue, List<Gap> gaps) {

    private static final Set<AppointmentStatus> STILL_TO_SEE = Set.of(AppointmentStatus.PENDING,
            AppointmentStatus.CONFIRMED, AppointmentStatus.CHECKED_IN);

    /**
     * @param expectedStart for an appointment still to be seen, its start pushed back by how late the
     *                      day is running (in whole minutes); null otherwise
     */
    public record Entry(String appointmentId, String slotId, Instant start, Instant end, AppointmentStatus status,
                        String patientId, @Nullable String dependentId, @Nullable Instant checkedInAt,
                        @Nullable Instant consultationStartedAt, @Nullable Instant completedAt,
                        @Nullable Instant expectedStart) {
    }

    public record Gap(Instant start, Instant end) {
    }

    public static ScheduleBoard of(String doctorId, LocalDate date, String timezone, List<AppointmentView> appointments,
                                   List<SlotView> slots, Instant now) {
        Duration late = runningLate(appointments, now).truncatedTo(ChronoUnit.MINUTES);
        List<Entry> queue = appointments.stream()
                .sorted(Comparator.comparing(AppointmentView::start).thenComparing(AppointmentView::appointmentId))
                .map(appointment -> new Entry(appointment.appointmentId(), appointment.slotId(), appointment.start(),
                        appointment.end(), appointment.status(), appointment.patientId(), appointment.dependentId(),
                        appointment.checkedInAt(), appointment.consultationStartedAt(), appointment.completedAt(),
                        STILL_TO_SEE.contains(appointment.status()) ? appointment.start().plus(late) : null))
                .toList();
        return new ScheduleBoard(doctorId, date, timezone, late.toMinutes(), queue, gaps(slots));
    }

    static Duration runningLate(List<AppointmentView> appointments, Instant now) {
        Stream<Duration> underWay = appointments.stream()
                .filter(appointment -> appointment.status() == AppointmentStatus.IN_CONSULTATION
                        && appointment.consultationStartedAt() != null)
                .map(appointment -> max(Duration.between(appointment.start(), appointment.consultationStartedAt()),
                        Duration.between(appointment.end(), now)));
        Stream<Duration> lastCompleted = appointments.stream()
                .filter(appointment -> appointment.status() == AppointmentStatus.COMPLETED && appointment.completedAt() != null)
                .max(Comparator.comparing(AppointmentView::completedAt))
                .map(appointment -> Duration.between(appointment.end(), appointment.completedAt())).stream();
        Stream<Duration> waiting = appointments.stream()
                .filter(appointment -> appointment.status() == AppointmentStatus.CHECKED_IN && appointment.start().isBefore(now))
                .map(appointment -> Duration.between(appointment.start(), now));
        return Stream.of(underWay, lastCompleted, waiting).flatMap(durations -> durations)
                .reduce(Duration.ZERO, ScheduleBoard::max);
    }

    private static List<Gap> gaps(List<SlotView> slots) {
        List<Gap> gaps = new ArrayList<>();
        slots.stream()
                .filter(slot -> "open".equals(slot.status()) && slot.seatsBooked() == 0 && slot.seatsHeld() == 0)
                .sorted(Comparator.comparing(SlotView::start))
                .forEach(slot -> {
                    Gap last = gaps.isEmpty() ? null : gaps.get(gaps.size() - 1);
                    if (last != null && !slot.start().isAfter(last.end())) {
                        gaps.set(gaps.size() - 1, new Gap(last.start(), max(last.end(), slot.end())));
                    } else {
                        gaps.add(new Gap(slot.start(), slot.end()));
                    }
                });
        return gaps;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
