package com.illajwala.booking.waitlist;

import com.illajwala.booking.appointment.Actor;
import com.illajwala.booking.slot.SlotCommands.BookAppointment;
import com.illajwala.booking.slot.SlotCommands.EndHold;
import com.illajwala.booking.slot.SlotCommands.HoldSeat;
import com.illajwala.booking.slot.SlotRejection;
import com.illajwala.booking.waitlist.WaitlistCommands.AcceptOffer;
import com.illajwala.booking.waitlist.WaitlistCommands.DeclineOffer;
import com.illajwala.booking.waitlist.WaitlistCommands.JoinWaitlist;
import com.illajwala.booking.waitlist.WaitlistCommands.LapseOffer;
import com.illajwala.booking.waitlist.WaitlistCommands.OfferSeat;
import com.illajwala.booking.waitlist.WaitlistCommands.SetUrgency;
import com.illajwala.booking.waitlist.WaitlistCommands.WithdrawEntry;
import com.illajwala.events.AppointmentStatus;
import com.illajwala.events.ConsultationMode;
import com.illajwala.events.appointment.AppointmentBooked;
import com.illajwala.events.slot.SlotSeatHeld;
import com.illajwala.events.waitlist.TimeOfDay;
import com.illajwala.events.waitlist.WaitlistEntryBooked;
import com.illajwala.events.waitlist.WaitlistEntryExpired;
import com.illajwala.events.waitlist.WaitlistEntryWithdrawn;
import com.illajwala.events.waitlist.WaitlistJoined;
import com.illajwala.events.waitlist.WaitlistOfferDeclined;
import com.illajwala.events.waitlist.WaitlistOfferLapsed;
import com.illajwala.events.waitlist.WaitlistOfferMade;
import com.illajwala.events.waitlist.WaitlistUrgencySet;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class WaitlistEntryTest {

    private static final Instant NOW = Instant.parse("2027-02-01T03:30:00Z");
    private static final Instant EXPIRES = Instant.parse("2027-02-07T18:30:00Z");
    private static final Instant START = Instant.parse("2027-02-03T04:30:00Z");
    private static final Duration OFFER_TIME = Duration.ofMinutes(15);
    private static final Actor PATIENT = new Actor("patient-1", Actor.Kind.PATIENT, "platform");
    private static final Actor OTHER_PATIENT = new Actor("patient-2", Actor.Kind.PATIENT, "platform");
    private static final Actor STAFF = new Actor("staff-1", Actor.Kind.STAFF, "apollo");
    private static final Actor OTHER_TENANTS_STAFF = new Actor("staff-9", Actor.Kind.STAFF, "sunrise");

    private static final WaitlistJoined JOINED = new WaitlistJoined("entry-1", "apollo", "clinic-1", "dr-1", null,
            "patient-1", "dependent-1", LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 7), Set.of(TimeOfDay.MORNING),
            Set.of(ConsultationMode.CLINIC), EXPIRES);
    private static final WaitlistOfferMade OFFERED = new WaitlistOfferMade("entry-1", "apollo", "patient-1", "slot-1",
            "dr-1", "clinic-1", START, "Asia/Kolkata", ConsultationMode.CLINIC, "hold-1", NOW.plus(OFFER_TIME));

    private AggregateTestFixture<WaitlistEntry> fixture;
    private final List<Object> slotCommands = new ArrayList<>();

    /** Stands in for the slots: slot-full has no free seat to hold. */
    class RecordingSlots {
        @CommandHandler
        SlotSeatHeld handle(HoldSeat command) {
            if (command.slotId().equals("slot-full")) {
                throw new SlotRejection(SlotRejection.Reason.FULL, "The slot is fully booked");
            }
            slotCommands.add(command);
            return new SlotSeatHeld(command.slotId(), "apollo", "dr-1", START, command.holdId(), command.patientId(),
                    command.at().plus(command.duration()));
        }

        @CommandHandler
        AppointmentBooked handle(BookAppointment command) {
            slotCommands.add(command);
            return new AppointmentBooked(command.appointmentId(), "apollo", command.slotId(), "dr-1", "clinic-1",
                    command.patientId(), command.dependentId(), START, START.plus(Duration.ofMinutes(30)), "Asia/Kolkata",
                    command.mode(), AppointmentStatus.CONFIRMED);
        }

        @CommandHandler
        void handle(EndHold command) {
            slotCommands.add(command);
        }
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(WaitlistEntry.class);
        fixture.registerAnnotatedCommandHandler(new RecordingSlots());
        fixture.registerAnnotatedCommandHandler(new WaitlistHandlers(fixture.getRepository(),
                DefaultCommandGateway.builder().commandBus(fixture.getCommandBus()).build()));
    }

    @Test
    void joiningRecordsTheEntryAndItsExpiry() {
        fixture.givenNoPriorActivity()
                .when(new JoinWaitlist("entry-1", "apollo", "clinic-1", "dr-1", null, "patient-1", "dependent-1",
                        LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 7), Set.of(TimeOfDay.MORNING),
                        Set.of(ConsultationMode.CLINIC), EXPIRES))
                .expectEvents(JOINED)
                .expectScheduledDeadlineWithName(EXPIRES, WaitlistEntry.ENTRY_EXPIRY);
    }

    @Test
    void aPendingEntryExpiresWhenItsWindowPasses() {
        fixture.givenCommands(join())
                .whenTimeAdvancesTo(EXPIRES)
                .expectEvents(new WaitlistEntryExpired("entry-1", "apollo"));
    }

    @Test
    void aPromotedEntryFinishesItsOfferBeforeExpiring() {
        fixture.givenCommands(join())
                .andGiven(OFFERED)
                .whenTimeAdvancesTo(EXPIRES)
                .expectNoEvents();
        fixture.given(JOINED, OFFERED)
                .when(new LapseOffer("entry-1", "hold-1", EXPIRES.plusSeconds(1)))
                .expectEvents(new WaitlistOfferLapsed("entry-1", "apollo", "slot-1"), new WaitlistEntryExpired("entry-1", "apollo"));
    }

    @Test
    void theClinicSetsUrgencyOthersCannot() {
        fixture.given(JOINED)
                .when(new SetUrgency("entry-1", STAFF, true))
                .expectEvents(new WaitlistUrgencySet("entry-1", "apollo", true));
        fixture.given(JOINED, new WaitlistUrgencySet("entry-1", "apollo", true))
                .when(new SetUrgency("entry-1", STAFF, true))
                .expectNoEvents();
        fixture.given(JOINED)
                .when(new SetUrgency("entry-1", PATIENT, true))
                .expectException(rejection(WaitlistRejection.Reason.NOT_ALLOWED));
        fixture.given(JOINED)
                .when(new SetUrgency("entry-1", OTHER_TENANTS_STAFF, true))
                .expectException(rejection(WaitlistRejection.Reason.NOT_VISIBLE));
        fixture.given(JOINED, new WaitlistEntryWithdrawn("entry-1", "apollo", WaitlistEntryWithdrawn.By.PATIENT))
                .when(new SetUrgency("entry-1", STAFF, true))
                .expectException(rejection(WaitlistRejection.Reason.WRONG_STATUS));
    }

    @Test
    void anOfferHoldsTheSeatForThePatient() {
        fixture.given(JOINED)
                .when(offer("slot-1", "hold-1"))
                .expectEvents(OFFERED)
                .expectResultMessagePayload(OFFERED);
        assertThat(slotCommands).containsExactly(new HoldSeat("slot-1", "hold-1", "patient-1", "apollo", OFFER_TIME, NOW));
    }

    @Test
    void noOfferWithoutAFreeSeatToAPromotedEntryOrForASlotPassedOn() {
        fixture.given(JOINED)
                .when(offer("slot-full", "hold-2"))
                .expectException(SlotRejection.class)
                .expectNoEvents();
        fixture.given(JOINED, OFFERED)
                .when(offer("slot-2", "hold-2"))
                .expectException(rejection(WaitlistRejection.Reason.WRONG_STATUS))
                .expectNoEvents();
        fixture.given(JOINED, OFFERED, new WaitlistOfferDeclined("entry-1", "apollo", "slot-1"))
                .when(offer("slot-1", "hold-2"))
                .expectException(rejection(WaitlistRejection.Reason.WRONG_STATUS))
                .expectNoEvents();
        fixture.given(JOINED, new WaitlistEntryExpired("entry-1", "apollo"))
                .when(offer("slot-1", "hold-2"))
                .expectException(rejection(WaitlistRejection.Reason.WRONG_STATUS));
        assertThat(slotCommands).isEmpty();
    }

    @Test
    void acceptingBooksTheHeldSeatForTheDependent() {
        fixture.given(JOINED, OFFERED)
                .when(new AcceptOffer("entry-1", PATIENT, "appt-1", NOW.plus(Duration.ofMinutes(5))))
                .expectEvents(new WaitlistEntryBooked("entry-1", "apollo", "slot-1", "appt-1"));
        assertThat(slotCommands).containsExactly(new BookAppointment("slot-1", "appt-1", "patient-1", "dependent-1",
                ConsultationMode.CLINIC, "apollo", false));
    }

    @Test
    void onlyThePatientAcceptsAndOnlyInTime() {
        fixture.given(JOINED, OFFERED)
                .when(new AcceptOffer("entry-1", PATIENT, "appt-1", NOW.plus(OFFER_TIME)))
                .expectException(rejection(WaitlistRejection.Reason.OFFER_LAPSED));
        fixture.given(JOINED, OFFERED)
                .when(new AcceptOffer("entry-1", OTHER_PATIENT, "appt-1", NOW))
                .expectException(rejection(WaitlistRejection.Reason.NOT_VISIBLE));
        fixture.given(JOINED, OFFERED)
                .when(new AcceptOffer("entry-1", STAFF, "appt-1", NOW))
                .expectException(rejection(WaitlistRejection.Reason.NOT_ALLOWED));
        fixture.given(JOINED)
                .when(new AcceptOffer("entry-1", PATIENT, "appt-1", NOW))
                .expectException(rejection(WaitlistRejection.Reason.WRONG_STATUS));
        assertThat(slotCommands).isEmpty();
    }

    @Test
    void decliningGivesTheSeatUpAndTheEntryWaitsOn() {
        fixture.given(JOINED, OFFERED)
                .when(new DeclineOffer("entry-1", PATIENT, NOW))
                .expectEvents(new WaitlistOfferDeclined("entry-1", "apollo", "slot-1"));
        assertThat(slotCommands).containsExactly(new EndHold("slot-1", "hold-1"));
        fixture.given(JOINED)
                .when(new DeclineOffer("entry-1", PATIENT, NOW))
                .expectException(rejection(WaitlistRejection.Reason.WRONG_STATUS));
    }

    @Test
    void aLapsedOfferPassesOnAndALapseOfAnotherHoldChangesNothing() {
        fixture.given(JOINED, OFFERED)
                .when(new LapseOffer("entry-1", "hold-1", NOW.plus(OFFER_TIME)))
                .expectEvents(new WaitlistOfferLapsed("entry-1", "apollo", "slot-1"));
        fixture.given(JOINED, OFFERED)
                .when(new LapseOffer("entry-1", "hold-other", NOW.plus(OFFER_TIME)))
                .expectNoEvents();
        fixture.given(JOINED)
                .when(new LapseOffer("entry-1", "hold-1", NOW.plus(OFFER_TIME)))
                .expectNoEvents();
    }

    @Test
    void withdrawingEndsTheEntryAndGivesUpAStandingOffer() {
        fixture.given(JOINED, OFFERED)
                .when(new WithdrawEntry("entry-1", STAFF))
                .expectEvents(new WaitlistEntryWithdrawn("entry-1", "apollo", WaitlistEntryWithdrawn.By.CLINIC));
        assertThat(slotCommands).containsExactly(new EndHold("slot-1", "hold-1"));
        fixture.given(JOINED)
                .when(new WithdrawEntry("entry-1", PATIENT))
                .expectEvents(new WaitlistEntryWithdrawn("entry-1", "apollo", WaitlistEntryWithdrawn.By.PATIENT));
        fixture.given(JOINED)
                .when(new WithdrawEntry("entry-1", OTHER_PATIENT))
                .expectException(rejection(WaitlistRejection.Reason.NOT_VISIBLE));
        fixture.given(JOINED, new WaitlistEntryBooked("entry-1", "apollo", "slot-1", "appt-1"))
                .when(new WithdrawEntry("entry-1", PATIENT))
                .expectException(rejection(WaitlistRejection.Reason.WRONG_STATUS));
    }

    private static JoinWaitlist join() {
        return new JoinWaitlist("entry-1", "apollo", "clinic-1", "dr-1", null, "patient-1", "dependent-1",
                LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 7), Set.of(TimeOfDay.MORNING),
                Set.of(ConsultationMode.CLINIC), EXPIRES);
    }

    private static OfferSeat offer(String slotId, String holdId) {
        return new OfferSeat("entry-1", slotId, "dr-1", "clinic-1", START, "Asia/Kolkata", ConsultationMode.CLINIC, holdId,
                OFFER_TIME, NOW);
    }

    private static org.hamcrest.Matcher<WaitlistRejection> rejection(WaitlistRejection.Reason reason) {
        return new org.hamcrest.TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(WaitlistRejection rejection) {
                return rejection.reason() == reason;
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("a waitlist rejection: " + reason);
            }
        };
    }
}
