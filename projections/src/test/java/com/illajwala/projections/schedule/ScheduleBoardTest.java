package com.illajwala.projections.schedule;

import com.illajwala.events.AppointmentStatus;
import com.illajwala.events.ConsultationMode;
import com.illajwala.projections.appointment.AppointmentView;
import com.illajwala.projections.slot.SlotView;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ScheduleBoardTest {

    private static final Instant NINE = Instant.parse("2027-02-01T03:30:00Z");
    private static final Duration SLOT = Duration.ofMinutes(30);

    @Test
    void aDayWithNothingSeenYetRunsOnTime() {
        ScheduleBoard board = board(List.of(appointment("a", 0, AppointmentStatus.CONFIRMED, null, null, null)), NINE.minusSeconds(600));
        assertThat(board.runningLateMinutes()).isZero();
        assertThat(board.queue().get(0).expectedStart()).isEqualTo(NINE);
    }

    @Test
    void aConsultationStartedLatePushesBackEveryoneStillToBeSeen() {
        ScheduleBoard board = board(List.of(
                appointment("a", 0, AppointmentStatus.IN_CONSULTATION, NINE.minusSeconds(300), NINE.plus(Duration.ofMinutes(12)), null),
                appointment("b", 1, AppointmentStatus.CHECKED_IN, NINE.plus(Duration.ofMinutes(25)), null, null),
                appointment("c", 2, AppointmentStatus.CONFIRMED, null, null, null),
                appointment("d", 3, AppointmentStatus.CANCELLED, null, null, null)), NINE.plus(Duration.ofMinutes(20)));
        assertThat(board.runningLateMinutes()).isEqualTo(12);
        assertThat(board.queue()).extracting(ScheduleBoard.Entry::expectedStart).containsExactly(null,
                at(1).plus(Duration.ofMinutes(12)), at(2).plus(Duration.ofMinutes(12)), null);
    }

    @Test
    void aConsultationRunningPastItsSlotIsTheDelaySoFar() {
        ScheduleBoard board = board(List.of(
                appointment("a", 0, AppointmentStatus.IN_CONSULTATION, NINE, NINE.plus(Duration.ofMinutes(2)), null)),
                NINE.plus(Duration.ofMinutes(47)));
        assertThat(board.runningLateMinutes()).isEqualTo(17);
    }

    @Test
    void theLastCompletionPastItsSlotAndPatientsWaitingPastTheirStartCount() {
        List<AppointmentView> day = List.of(
                appointment("a", 0, AppointmentStatus.COMPLETED, NINE, NINE, NINE.plus(Duration.ofMinutes(25))),
                appointment("b", 1, AppointmentStatus.COMPLETED, at(1), at(1), at(1).plus(Duration.ofMinutes(37))),
                appointment("c", 2, AppointmentStatus.CHECKED_IN, at(2), null, null));
        assertThat(board(day, at(2).plus(Duration.ofMinutes(3))).runningLateMinutes()).isEqualTo(7);
        // nobody called in the patient who checked in at their time: the wait is the delay
        assertThat(board(day, at(2).plus(Duration.ofMinutes(22))).runningLateMinutes()).isEqualTo(22);
        // an early finish is not a negative delay
        assertThat(board(List.of(appointment("a", 0, AppointmentStatus.COMPLETED, NINE, NINE, NINE.plus(Duration.ofMinutes(20)))),
                NINE.plus(Duration.ofMinutes(21))).runningLateMinutes()).isZero();
    }

    @Test
    void gapsAreTheUnbookedUnheldOpenSlotsJoinedWhenTheyMeet() {
        List<SlotView> slots = List.of(slot(0, "open", 0, 0), slot(1, "open", 0, 0), slot(2, "full", 1, 0),
                slot(3, "open", 0, 1), slot(4, "withdrawn", 0, 0), slot(5, "open", 0, 0));
        assertThat(ScheduleBoard.of("dr-1", LocalDate.of(2027, 2, 1), "Asia/Kolkata", List.of(), slots, NINE).gaps())
                .containsExactly(new ScheduleBoard.Gap(at(0), at(2)), new ScheduleBoard.Gap(at(5), at(6)));
    }

    private static ScheduleBoard board(List<AppointmentView> appointments, Instant now) {
        return ScheduleBoard.of("dr-1", LocalDate.of(2027, 2, 1), "Asia/Kolkata", appointments, List.of(), now);
    }

    private static AppointmentView appointment(String id, int slot, AppointmentStatus status, Instant checkedIn,
                                               Instant started, Instant completed) {
        return new AppointmentView(id, "apollo", "slot-" + slot, "dr-1", "clinic-1", "patient-" + id, null, at(slot),
                at(slot + 1), "Asia/Kolkata", ConsultationMode.CLINIC, status, checkedIn, started, completed, null, null, null,
                null, null, null, null, null, null, 1);
    }

    private static SlotView slot(int index, String status, int booked, int held) {
        return new SlotView("slot-" + index, "apollo", "dr-1", "clinic-1", at(index), at(index + 1), "Asia/Kolkata",
                "2027-02-01", 1, booked, held, Set.of(ConsultationMode.CLINIC), status, SlotView.scheduleIdOf("dr-1", "clinic-1"),
                at(index), 1);
    }

    private static Instant at(int slot) {
        return NINE.plus(SLOT.multipliedBy(slot));
    }
}
