package com.illajwala.booking.slot;

import com.illajwala.booking.doctor.BookableDoctors;
import com.illajwala.booking.slot.SlotCommands.PublishSlot;
import com.illajwala.events.AppointmentStatus;
import com.illajwala.events.ConsultationMode;
import com.illajwala.events.appointment.AppointmentBooked;
import com.illajwala.events.slot.SlotPublished;
import com.illajwala.events.slot.SlotSeatBooked;
import com.illajwala.events.slot.SlotBlocked;
import com.illajwala.events.slot.SlotHoldEnded;
import com.illajwala.events.slot.SlotSeatHeld;
import com.illajwala.events.slot.SlotReopened;
import com.illajwala.events.slot.SlotSeatReleased;
import com.illajwala.events.slot.SlotWithdrawn;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static com.illajwala.booking.slot.SlotFixture.END;
import static com.illajwala.booking.slot.SlotFixture.START;
import static com.illajwala.booking.slot.SlotFixture.book;
import static com.illajwala.booking.slot.SlotFixture.publish;
import static com.illajwala.booking.slot.SlotFixture.published;
import static org.assertj.core.api.Assertions.assertThat;

class SlotTest {

    private FixtureConfiguration<Slot> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Slot.class);
        BookableDoctors verifiedDoctors = "doctor-1"::equals;
        fixture.registerInjectableResource(verifiedDoctors);
    }

    @Test
    void refusesSlotsOfADoctorThePlatformHasNotVerified() {
        fixture.givenNoPriorActivity()
                .when(PublishSlot.of("apollo", "doctor-unverified", "clinic-1", START, END, "Asia/Kolkata", 1,
                        Set.of(ConsultationMode.CLINIC)))
                .expectException(SlotRejection.class)
                .expectExceptionMessage("Only doctors the platform has verified can have slots")
                .expectNoEvents();
    }

    @Test
    void publishesANewSlot() {
        fixture.givenNoPriorActivity()
                .when(publish(1))
                .expectSuccessfulHandlerExecution()
                .expectEvents(published(1));
    }

    @Test
    void derivesTheSameIdFromTheSameDoctorClinicAndStart() {
        assertThat(publish(1).slotId()).isEqualTo(publish(3).slotId());
        assertThat(SlotCommands.slotId("doctor-1", "clinic-1", START))
                .isNotEqualTo(SlotCommands.slotId("doctor-1", "clinic-1", END))
                .isNotEqualTo(SlotCommands.slotId("doctor-2", "clinic-1", START));
    }

    @Test
    void publishingTheSameSlotAgainChangesNothing() {
        fixture.given(published(1))
                .when(publish(1))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesASlotWithoutSeats() {
        fixture.givenNoPriorActivity()
                .when(publish(0))
                .expectException(SlotRejection.class)
                .expectNoEvents();
    }

    @Test
    void refusesASlotThatEndsBeforeItStarts() {
        PublishSlot backwards = PublishSlot.of("apollo", "doctor-1", "clinic-1", END, START, "Asia/Kolkata", 1,
                Set.of(ConsultationMode.CLINIC));
        fixture.givenNoPriorActivity()
                .when(backwards)
                .expectException(SlotRejection.class)
                .expectNoEvents();
    }

    @Test
    void refusesASlotWithoutConsultationModes() {
        PublishSlot modeless = PublishSlot.of("apollo", "doctor-1", "clinic-1", START, END, "Asia/Kolkata", 1, Set.of());
        fixture.givenNoPriorActivity()
                .when(modeless)
                .expectException(SlotRejection.class)
                .expectNoEvents();
    }

    @Test
    void bookingTakesASeatAndCreatesAConfirmedAppointment() {
        SlotPublished slot = published(1);
        AppointmentBooked expectedAppointment = new AppointmentBooked("appt-1", "apollo", slot.slotId(), "doctor-1",
                "clinic-1", "patient-appt-1", null, START, END, "Asia/Kolkata", ConsultationMode.CLINIC,
                AppointmentStatus.CONFIRMED);

        fixture.given(slot)
                .when(book("appt-1", ConsultationMode.CLINIC))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(expectedAppointment)
                .expectEvents(new SlotSeatBooked(slot.slotId(), "apollo", "appt-1", 1, 1), expectedAppointment);
    }

    @Test
    void refusesToBookAFullSlot() {
        SlotPublished slot = published(1);
        fixture.given(slot, new SlotSeatBooked(slot.slotId(), "apollo", "appt-1", 1, 1))
                .when(book("appt-2", ConsultationMode.CLINIC))
                .expectException(SlotRejection.class)
                .expectExceptionMessage("The slot is fully booked")
                .expectNoEvents();
    }

    @Test
    void groupSessionTakesBookingsUntilEverySeatIsTaken() {
        SlotPublished slot = published(2);
        fixture.given(slot, new SlotSeatBooked(slot.slotId(), "apollo", "appt-1", 1, 2))
                .when(book("appt-2", ConsultationMode.TELEHEALTH))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new SlotSeatBooked(slot.slotId(), "apollo", "appt-2", 2, 2),
                        new AppointmentBooked("appt-2", "apollo", slot.slotId(), "doctor-1", "clinic-1",
                                "patient-appt-2", null, START, END, "Asia/Kolkata", ConsultationMode.TELEHEALTH,
                                AppointmentStatus.CONFIRMED));
    }

    @Test
    void refusesAConsultationModeTheSlotDoesNotOffer() {
        fixture.given(published(1))
                .when(book("appt-1", ConsultationMode.HOME_VISIT))
                .expectException(SlotRejection.class)
                .expectNoEvents();
    }

    @Test
    void refusesToBookASlotThatWasNeverPublished() {
        fixture.givenNoPriorActivity()
                .when(book("appt-1", ConsultationMode.CLINIC))
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void refusesToBookThroughAnotherTenantsHostAsIfTheSlotDidNotExist() {
        SlotPublished slot = published(1);
        fixture.given(slot)
                .when(new SlotCommands.BookAppointment(slot.slotId(), "appt-1", "patient-1", ConsultationMode.CLINIC,
                        "sunrise"))
                .expectException(SlotRejection.class)
                .expectExceptionMessage("No slot with id " + slot.slotId())
                .expectNoEvents();
    }

    @Test
    void booksThroughTheSlotsOwnTenantsHost() {
        SlotPublished slot = published(1);
        fixture.given(slot)
                .when(new SlotCommands.BookAppointment(slot.slotId(), "appt-1", "patient-1", ConsultationMode.CLINIC,
                        "apollo"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void releasingASeatFreesItForTheNextPatient() {
        SlotPublished slot = published(1);
        SlotSeatBooked first = new SlotSeatBooked(slot.slotId(), "apollo", "appt-1", 1, 1);
        fixture.given(slot, first)
                .when(new SlotCommands.ReleaseSeat(slot.slotId(), "appt-1"))
                .expectEvents(new SlotSeatReleased(slot.slotId(), "apollo", "appt-1", 0, 1, true));
        fixture.given(slot, first, new SlotSeatReleased(slot.slotId(), "apollo", "appt-1", 0, 1, true))
                .when(book("appt-2", ConsultationMode.CLINIC))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void releasingASeatTheAppointmentDoesNotHoldChangesNothing() {
        SlotPublished slot = published(1);
        fixture.given(slot, new SlotSeatBooked(slot.slotId(), "apollo", "appt-1", 1, 1))
                .when(new SlotCommands.ReleaseSeat(slot.slotId(), "appt-other"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(slot, new SlotSeatBooked(slot.slotId(), "apollo", "appt-1", 1, 1),
                        new SlotSeatReleased(slot.slotId(), "apollo", "appt-1", 0, 1, true))
                .when(new SlotCommands.ReleaseSeat(slot.slotId(), "appt-1"))
                .expectNoEvents();
    }

    @Test
    void aSlotWithoutBookingsIsWithdrawnAndThenTakesNoBookings() {
        SlotPublished slot = published(1);
        fixture.given(slot)
                .when(new SlotCommands.WithdrawSlot(slot.slotId()))
                .expectResultMessagePayload(false)
                .expectEvents(new SlotWithdrawn(slot.slotId(), "apollo", "doctor-1"));
        fixture.given(slot, new SlotWithdrawn(slot.slotId(), "apollo", "doctor-1"))
                .when(book("appt-1", ConsultationMode.CLINIC))
                .expectException(SlotRejection.class)
                .expectNoEvents();
    }

    @Test
    void aSlotWithBookingsIsBlockedNeverSilentlyRemoved() {
        SlotPublished slot = published(2);
        fixture.given(slot, new SlotSeatBooked(slot.slotId(), "apollo", "appt-1", 1, 2))
                .when(new SlotCommands.WithdrawSlot(slot.slotId()))
                .expectResultMessagePayload(true)
                .expectEvents(new SlotBlocked(slot.slotId(), "apollo", "doctor-1", 1));
        fixture.given(slot, new SlotSeatBooked(slot.slotId(), "apollo", "appt-1", 1, 2),
                        new SlotBlocked(slot.slotId(), "apollo", "doctor-1", 1))
                .when(book("appt-2", ConsultationMode.CLINIC))
                .expectException(SlotRejection.class)
                .expectNoEvents();
    }

    @Test
    void publishingAWithdrawnSlotAgainReopensIt() {
        SlotPublished slot = published(1);
        fixture.given(slot, new SlotWithdrawn(slot.slotId(), "apollo", "doctor-1"))
                .when(publish(1))
                .expectEvents(new SlotReopened(slot.slotId(), "apollo", "doctor-1", 0, 1));
        fixture.given(slot, new SlotWithdrawn(slot.slotId(), "apollo", "doctor-1"),
                        new SlotReopened(slot.slotId(), "apollo", "doctor-1", 0, 1))
                .when(book("appt-1", ConsultationMode.CLINIC))
                .expectSuccessfulHandlerExecution();
    }

    private static final Instant NOW = Instant.parse("2026-11-30T03:30:00Z");
    private static final java.time.Duration HOLD = java.time.Duration.ofMinutes(10);

    private static SlotCommands.HoldSeat hold(String holdId, String patientId) {
        return new SlotCommands.HoldSeat(publish(1).slotId(), holdId, patientId, null, HOLD, NOW);
    }

    private static SlotSeatHeld held(SlotPublished slot, String holdId, String patientId) {
        return new SlotSeatHeld(slot.slotId(), "apollo", "doctor-1", START, holdId, patientId, NOW.plus(HOLD));
    }

    @Test
    void aHoldTakesTheSeatUntilItsDeadline() {
        SlotPublished slot = published(1);
        fixture.given(slot)
                .when(hold("hold-1", "patient-hold-1"))
                .expectEvents(held(slot, "hold-1", "patient-hold-1"))
                .expectScheduledDeadlineWithName(NOW.plus(HOLD), Slot.HOLD_EXPIRY);
    }

    @Test
    void aHeldSeatCannotBeHeldOrBookedByAnotherPatient() {
        SlotPublished slot = published(1);
        fixture.given(slot, held(slot, "hold-1", "patient-hold-1"))
                .when(hold("hold-2", "patient-2"))
                .expectException(SlotRejection.class)
                .expectNoEvents();
        fixture.given(slot, held(slot, "hold-1", "patient-hold-1"))
                .when(book("appt-2", ConsultationMode.CLINIC))
                .expectException(SlotRejection.class)
                .expectNoEvents();
    }

    @Test
    void holdingAgainWhileHoldingChangesNothing() {
        SlotPublished slot = published(1);
        fixture.given(slot, held(slot, "hold-1", "patient-hold-1"))
                .when(hold("hold-2", "patient-hold-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theHolderBooksWithTheHold() {
        SlotPublished slot = published(1);
        fixture.given(slot, held(slot, "hold-1", "patient-appt-1"))
                .when(book("appt-1", ConsultationMode.CLINIC))
                .expectEvents(new SlotHoldEnded(slot.slotId(), "apollo", "doctor-1", "hold-1", SlotHoldEnded.Outcome.BOOKED),
                        new SlotSeatBooked(slot.slotId(), "apollo", "appt-1", 1, 1),
                        new AppointmentBooked("appt-1", "apollo", slot.slotId(), "doctor-1", "clinic-1", "patient-appt-1", null,
                                START, END, "Asia/Kolkata", ConsultationMode.CLINIC, AppointmentStatus.CONFIRMED));
    }

    @Test
    void aHoldGivenUpFreesTheSeatAndEndingItAgainChangesNothing() {
        SlotPublished slot = published(1);
        SlotHoldEnded released = new SlotHoldEnded(slot.slotId(), "apollo", "doctor-1", "hold-1", SlotHoldEnded.Outcome.RELEASED);
        fixture.given(slot, held(slot, "hold-1", "patient-hold-1"))
                .when(new SlotCommands.EndHold(slot.slotId(), "hold-1"))
                .expectEvents(released);
        fixture.given(slot, held(slot, "hold-1", "patient-hold-1"), released)
                .when(new SlotCommands.EndHold(slot.slotId(), "hold-1"))
                .expectNoEvents();
        fixture.given(slot, held(slot, "hold-1", "patient-hold-1"), released)
                .when(book("appt-2", ConsultationMode.CLINIC))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void anExpiredHoldFreesTheSeat() {
        SlotPublished slot = published(1);
        fixture.given(slot)
                .andGivenCommands(hold("hold-1", "patient-hold-1"))
                .whenTimeAdvancesTo(NOW.plus(HOLD))
                .expectEvents(new SlotHoldEnded(slot.slotId(), "apollo", "doctor-1", "hold-1", SlotHoldEnded.Outcome.EXPIRED));
        fixture.given(slot, held(slot, "hold-1", "patient-hold-1"),
                        new SlotHoldEnded(slot.slotId(), "apollo", "doctor-1", "hold-1", SlotHoldEnded.Outcome.EXPIRED))
                .when(book("appt-2", ConsultationMode.CLINIC))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aWithdrawnSlotCannotBeHeld() {
        SlotPublished slot = published(1);
        fixture.given(slot, new SlotWithdrawn(slot.slotId(), "apollo", "doctor-1"))
                .when(hold("hold-1", "patient-hold-1"))
                .expectException(SlotRejection.class)
                .expectNoEvents();
    }

    @Test
    void aMovingAppointmentTakesASeatWithoutANewAppointment() {
        SlotPublished slot = published(1);
        fixture.given(slot)
                .when(new SlotCommands.MoveIn(slot.slotId(), "appt-9", "patient-9", ConsultationMode.CLINIC, "apollo"))
                .expectEvents(new SlotSeatBooked(slot.slotId(), "apollo", "appt-9", 1, 1))
                .expectResultMessagePayload(new SlotCommands.SlotFacts(slot.slotId(), "apollo", "doctor-1", "clinic-1",
                        START, END, "Asia/Kolkata"));
    }

    @Test
    void aMoveIntoAFullSlotOrAnotherTenantsIsRefused() {
        SlotPublished slot = published(1);
        fixture.given(slot, new SlotSeatBooked(slot.slotId(), "apollo", "appt-1", 1, 1))
                .when(new SlotCommands.MoveIn(slot.slotId(), "appt-9", "patient-9", ConsultationMode.CLINIC, "apollo"))
                .expectException(SlotRejection.class)
                .expectNoEvents();
        fixture.given(slot)
                .when(new SlotCommands.MoveIn(slot.slotId(), "appt-9", "patient-9", ConsultationMode.CLINIC, "sunrise"))
                .expectException(SlotRejection.class)
                .expectNoEvents();
    }
}
