package com.illajwala.booking.appointment;

import com.illajwala.booking.appointment.AppointmentCommands.Cancel;
import com.illajwala.booking.appointment.AppointmentCommands.CheckIn;
import com.illajwala.booking.appointment.AppointmentCommands.Complete;
import com.illajwala.booking.appointment.AppointmentCommands.MarkNoShow;
import com.illajwala.booking.appointment.AppointmentRejection.Reason;
import com.illajwala.booking.appointment.AppointmentCommands.Reschedule;
import com.illajwala.booking.doctor.ClinicPolicies;
import com.illajwala.booking.slot.SlotCommands.MoveIn;
import com.illajwala.booking.slot.SlotCommands.ReleaseSeat;
import com.illajwala.booking.slot.SlotCommands.SlotFacts;
import com.illajwala.booking.slot.SlotRejection;
import com.illajwala.events.AppointmentStatus;
import com.illajwala.events.ConsultationMode;
import com.illajwala.events.appointment.AppointmentBooked;
import com.illajwala.events.appointment.AppointmentCancelled;
import com.illajwala.events.appointment.AppointmentCheckedIn;
import com.illajwala.events.appointment.AppointmentCompleted;
import com.illajwala.events.appointment.AppointmentConsultationStarted;
import com.illajwala.events.appointment.AppointmentMarkedNoShow;
import com.illajwala.events.appointment.AppointmentRescheduled;
import com.illajwala.events.appointment.AppointmentConfirmed;
import com.illajwala.events.appointment.AppointmentPaymentRequested;
import com.illajwala.events.appointment.AppointmentRefunded;
import com.illajwala.events.appointment.LatePaymentReceived;
import com.illajwala.events.appointment.AppointmentReminderDue;
import com.illajwala.events.appointment.CancellationReason;
import com.illajwala.events.appointment.CancelledBy;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.FeatureMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Every transition of the appointment's lifecycle, and every refusal. */
class AppointmentTest {

    private static final Instant START = Instant.parse("2026-12-01T03:30:00Z");
    private static final Instant END = START.plus(Duration.ofMinutes(30));
    private static final Duration NOTICE = Duration.ofHours(2);
    private static final AppointmentBooked BOOKED = new AppointmentBooked("appt-1", "apollo", "slot-1", "dr-1",
            "clinic-1", "patient-1", null, START, END, "Asia/Kolkata", ConsultationMode.CLINIC, AppointmentStatus.CONFIRMED);
    private static final AppointmentCheckedIn CHECKED_IN = new AppointmentCheckedIn("appt-1", "apollo", "slot-1", "dr-1",
            START, "Asia/Kolkata");

    private static final Actor PATIENT = new Actor("patient-1", Actor.Kind.PATIENT, "platform");
    private static final Actor OTHER_PATIENT = new Actor("patient-2", Actor.Kind.PATIENT, "platform");
    private static final Actor STAFF = new Actor("staff-1", Actor.Kind.STAFF, "apollo");
    private static final Actor DOCTOR = new Actor("dr-1", Actor.Kind.DOCTOR, "apollo");
    private static final Actor OTHER_DOCTOR = new Actor("dr-2", Actor.Kind.DOCTOR, "apollo");
    private static final Actor OTHER_TENANTS_STAFF = new Actor("staff-9", Actor.Kind.STAFF, "sunrise");

    private AggregateTestFixture<Appointment> fixture;
    private final List<ReleaseSeat> released = new ArrayList<>();

    private final List<MoveIn> movedIn = new ArrayList<>();

    /** clinic-1's policy: patients may cancel until two hours before. */
    static class TwoHourNotice implements ClinicPolicies {
        @Override
        public Duration cancellationNotice(String clinicId) {
            return "clinic-1".equals(clinicId) ? NOTICE : Duration.ZERO;
        }

        @Override
        public List<Duration> reminders(String clinicId) {
            return List.of();
        }
    }

    /** Stands in for the slots: records the seats given back and taken; slot-full has no seat. */
    class RecordingSlots {
        @CommandHandler
        void handle(ReleaseSeat command) {
            released.add(command);
        }

        @CommandHandler
        SlotFacts handle(MoveIn command) {
            if (command.slotId().equals("slot-full")) {
                throw new SlotRejection(SlotRejection.Reason.FULL, "The slot is fully booked");
            }
            movedIn.add(command);
            return new SlotFacts(command.slotId(), "apollo", "dr-2", "clinic-1", START.plus(Duration.ofDays(1)),
                    END.plus(Duration.ofDays(1)), "Asia/Kolkata");
        }
    }

    @Test
    void reschedulingTakesTheNewSeatThenReleasesTheOld() {
        fixture.given(BOOKED)
                .when(reschedule("slot-2", PATIENT, START.minus(Duration.ofDays(1))))
                .expectEvents(new AppointmentRescheduled("appt-1", "apollo", "patient-1", "slot-1", "slot-2", "dr-2",
                        "clinic-1", START.plus(Duration.ofDays(1)), END.plus(Duration.ofDays(1)), "Asia/Kolkata"));
        assertThat(movedIn).containsExactly(new MoveIn("slot-2", "appt-1", "patient-1", ConsultationMode.CLINIC, "apollo"));
        assertThat(released).containsExactly(new ReleaseSeat("slot-1", "appt-1"));
    }

    @Test
    void aFullNewSlotRefusesTheMoveAndTheOldSeatIsKept() {
        fixture.given(BOOKED)
                .when(reschedule("slot-full", STAFF, START.minus(Duration.ofDays(1))))
                .expectException(SlotRejection.class)
                .expectNoEvents();
        assertThat(released).isEmpty();
    }

    @Test
    void reschedulingFollowsTheCancellationRules() {
        refused(fixture.given(BOOKED).when(reschedule("slot-2", OTHER_PATIENT, START.minus(Duration.ofDays(1)))),
                Reason.NOT_VISIBLE);
        refused(fixture.given(BOOKED).when(reschedule("slot-2", PATIENT, START.minusSeconds(60))), Reason.WRONG_TIME);
        refused(fixture.given(BOOKED).when(reschedule("slot-1", PATIENT, START.minus(Duration.ofDays(1)))),
                Reason.WRONG_STATUS);
        refused(fixture.given(BOOKED, cancelled(CancelledBy.PATIENT))
                .when(reschedule("slot-2", STAFF, START.minus(Duration.ofDays(1)))), Reason.WRONG_STATUS);
        assertThat(movedIn).isEmpty();
        assertThat(released).isEmpty();
    }

    private static Reschedule reschedule(String slotId, Actor actor, Instant at) {
        return new Reschedule("appt-1", slotId, actor, at);
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Appointment.class);
        fixture.registerAnnotatedCommandHandler(new RecordingSlots());
        fixture.registerAnnotatedCommandHandler(new SeatReleasingHandlers(fixture.getRepository(),
                DefaultCommandGateway.builder().commandBus(fixture.getCommandBus()).build(), new TwoHourNotice()));
    }

    @Test
    void aDueReminderIsRecordedOnlyForAStillConfirmedAppointmentAtThatTime() {
        fixture.given(BOOKED)
                .when(new AppointmentCommands.RecordReminderDue("appt-1", START, NOTICE))
                .expectEvents(new AppointmentReminderDue("appt-1", "apollo", "patient-1", "dr-1", "clinic-1", START,
                        "Asia/Kolkata", NOTICE));
        fixture.given(BOOKED, cancelled(CancelledBy.PATIENT))
                .when(new AppointmentCommands.RecordReminderDue("appt-1", START, NOTICE))
                .expectNoEvents();
        fixture.given(BOOKED)
                .when(new AppointmentCommands.RecordReminderDue("appt-1", START.minus(Duration.ofDays(1)), NOTICE))
                .expectNoEvents();
    }

    private static final AppointmentBooked PENDING = new AppointmentBooked("appt-1", "apollo", "slot-1", "dr-1",
            "clinic-1", "patient-1", null, START, END, "Asia/Kolkata", ConsultationMode.CLINIC, AppointmentStatus.PENDING);
    private static final AppointmentCancelled EXPIRED = new AppointmentCancelled("appt-1", "apollo", "slot-1", "dr-1",
            "patient-1", START, "Asia/Kolkata", CancelledBy.SYSTEM, CancellationReason.PAYMENT_NOT_RECEIVED, null);

    @Test
    void aPendingAppointmentTakesItsPaymentOrderAndIsConfirmedByThePaymentOnce() {
        fixture.given(PENDING)
                .when(new AppointmentCommands.RequestPayment("appt-1", "order_1", 80_000, "INR"))
                .expectEvents(new AppointmentPaymentRequested("appt-1", "apollo", "dr-1", START, "Asia/Kolkata", "order_1",
                        80_000, "INR"));
        fixture.given(PENDING)
                .when(new AppointmentCommands.ConfirmPayment("appt-1", "pay_1"))
                .expectEvents(new AppointmentConfirmed("appt-1", "apollo", "patient-1", "dr-1", "clinic-1", START, "Asia/Kolkata", "pay_1"));
        fixture.given(PENDING, new AppointmentConfirmed("appt-1", "apollo", "patient-1", "dr-1", "clinic-1", START, "Asia/Kolkata", "pay_1"))
                .when(new AppointmentCommands.ConfirmPayment("appt-1", "pay_1"))
                .expectNoEvents();
        refused(fixture.given(BOOKED).when(new AppointmentCommands.RequestPayment("appt-1", "order_1", 80_000, "INR")),
                Reason.WRONG_STATUS);
    }

    @Test
    void anUnpaidAppointmentExpiresAndGivesItsSeatBack() {
        fixture.given(PENDING).when(new AppointmentCommands.ExpireUnpaid("appt-1")).expectEvents(EXPIRED);
        assertThat(released).containsExactly(new ReleaseSeat("slot-1", "appt-1"));
    }

    @Test
    void aPaidAppointmentDoesNotExpire() {
        fixture.given(PENDING, new AppointmentConfirmed("appt-1", "apollo", "patient-1", "dr-1", "clinic-1", START, "Asia/Kolkata", "pay_1"))
                .when(new AppointmentCommands.ExpireUnpaid("appt-1"))
                .expectNoEvents();
        assertThat(released).isEmpty();
    }

    @Test
    void cancellingAPaidAppointmentNamesThePaymentToRefundAndTheRefundIsRecordedOnce() {
        AppointmentConfirmed paid = new AppointmentConfirmed("appt-1", "apollo", "patient-1", "dr-1", "clinic-1", START, "Asia/Kolkata",
                "pay_1");
        fixture.given(PENDING, paid)
                .when(cancel(PATIENT, START.minus(Duration.ofDays(1))))
                .expectEvents(new AppointmentCancelled("appt-1", "apollo", "slot-1", "dr-1", "patient-1", START,
                        "Asia/Kolkata", CancelledBy.PATIENT, CancellationReason.PATIENT_REQUEST, "pay_1"));
        AppointmentRefunded refunded = new AppointmentRefunded("appt-1", "apollo", "dr-1", START, "Asia/Kolkata", "pay_1",
                "rfnd_1");
        fixture.given(PENDING, paid).when(new AppointmentCommands.RecordRefund("appt-1", "pay_1", "rfnd_1"))
                .expectEvents(refunded);
        fixture.given(PENDING, paid, refunded).when(new AppointmentCommands.RecordRefund("appt-1", "pay_1", "rfnd_1"))
                .expectNoEvents();
    }

    @Test
    void aPaymentAfterExpiryIsRecordedForRefundOnce() {
        fixture.given(PENDING, EXPIRED)
                .when(new AppointmentCommands.ConfirmPayment("appt-1", "pay_1"))
                .expectEvents(new LatePaymentReceived("appt-1", "apollo", "dr-1", START, "Asia/Kolkata", "pay_1"));
        fixture.given(PENDING, EXPIRED, new LatePaymentReceived("appt-1", "apollo", "dr-1", START, "Asia/Kolkata", "pay_1"))
                .when(new AppointmentCommands.ConfirmPayment("appt-1", "pay_1"))
                .expectNoEvents();
    }

    @Test
    void theClinicChecksInAConfirmedAppointment() {
        fixture.given(BOOKED).when(new CheckIn("appt-1", STAFF)).expectEvents(CHECKED_IN);
        fixture.given(BOOKED).when(new CheckIn("appt-1", DOCTOR)).expectEvents(CHECKED_IN);
    }

    @Test
    void aPatientCannotCheckThemselfIn() {
        refused(fixture.given(BOOKED).when(new CheckIn("appt-1", PATIENT)), Reason.NOT_ALLOWED);
    }

    @Test
    void anotherTenantOrAnotherDoctorDoesNotSeeTheAppointment() {
        refused(fixture.given(BOOKED).when(new CheckIn("appt-1", OTHER_TENANTS_STAFF)), Reason.NOT_VISIBLE);
        refused(fixture.given(BOOKED).when(new CheckIn("appt-1", OTHER_DOCTOR)), Reason.NOT_VISIBLE);
        refused(fixture.given(BOOKED).when(cancel(OTHER_PATIENT, START.minus(Duration.ofDays(1)))), Reason.NOT_VISIBLE);
        assertThat(released).isEmpty();
    }

    @Test
    void theClinicStartsTheConsultationOfACheckedInAppointmentAndCompletesItAfter() {
        AppointmentConsultationStarted started = new AppointmentConsultationStarted("appt-1", "apollo", "slot-1", "dr-1",
                START, "Asia/Kolkata");
        fixture.given(BOOKED, CHECKED_IN).when(new AppointmentCommands.StartConsultation("appt-1", DOCTOR)).expectEvents(started);
        refused(fixture.given(BOOKED).when(new AppointmentCommands.StartConsultation("appt-1", STAFF)), Reason.WRONG_STATUS);
        refused(fixture.given(BOOKED, CHECKED_IN, started).when(new AppointmentCommands.StartConsultation("appt-1", STAFF)),
                Reason.WRONG_STATUS);
        refused(fixture.given(BOOKED, CHECKED_IN).when(new AppointmentCommands.StartConsultation("appt-1", PATIENT)),
                Reason.NOT_ALLOWED);
        refused(fixture.given(BOOKED, CHECKED_IN).when(new AppointmentCommands.StartConsultation("appt-1", OTHER_TENANTS_STAFF)),
                Reason.NOT_VISIBLE);
        fixture.given(BOOKED, CHECKED_IN, started).when(new Complete("appt-1", DOCTOR))
                .expectEvents(new AppointmentCompleted("appt-1", "apollo", "slot-1", "dr-1", START, "Asia/Kolkata"));
    }

    @Test
    void onlyACheckedInAppointmentCanBeCompleted() {
        refused(fixture.given(BOOKED).when(new Complete("appt-1", STAFF)), Reason.WRONG_STATUS);
        fixture.given(BOOKED, CHECKED_IN).when(new Complete("appt-1", DOCTOR))
                .expectEvents(new AppointmentCompleted("appt-1", "apollo", "slot-1", "dr-1", START, "Asia/Kolkata"));
        refused(fixture.given(BOOKED, CHECKED_IN).when(new Complete("appt-1", PATIENT)), Reason.NOT_ALLOWED);
    }

    @Test
    void aPatientCancelsBeforeTheNoticePeriodAndTheSeatIsReleased() {
        fixture.given(BOOKED)
                .when(cancel(PATIENT, START.minus(NOTICE).minusSeconds(1)))
                .expectEvents(cancelled(CancelledBy.PATIENT));
        assertThat(released).containsExactly(new ReleaseSeat("slot-1", "appt-1"));
    }

    @Test
    void aPatientCannotCancelInsideTheNoticePeriod() {
        refused(fixture.given(BOOKED).when(cancel(PATIENT, START.minus(NOTICE).plusSeconds(1))), Reason.WRONG_TIME);
        assertThat(released).isEmpty();
    }

    @Test
    void theClinicCancelsUntilTheEndOfTheSlot() {
        fixture.given(BOOKED).when(cancel(STAFF, START.plusSeconds(60))).expectEvents(cancelled(CancelledBy.CLINIC));
        refused(fixture.given(BOOKED).when(cancel(STAFF, END)), Reason.WRONG_TIME);
    }

    @Test
    void aCancelledCheckedInOrCompletedAppointmentCannotBeCancelled() {
        Instant early = START.minus(Duration.ofDays(1));
        refused(fixture.given(BOOKED, cancelled(CancelledBy.PATIENT)).when(cancel(PATIENT, early)), Reason.WRONG_STATUS);
        refused(fixture.given(BOOKED, CHECKED_IN).when(cancel(STAFF, early)), Reason.WRONG_STATUS);
        assertThat(released).isEmpty();
    }

    @Test
    void theClinicMarksANoShowOnceTheAppointmentHasStartedAndTheSeatIsReleased() {
        fixture.given(BOOKED).when(new MarkNoShow("appt-1", STAFF, START.plusSeconds(600)))
                .expectEvents(new AppointmentMarkedNoShow("appt-1", "apollo", "slot-1", "dr-1", "patient-1", START,
                        "Asia/Kolkata"));
        assertThat(released).containsExactly(new ReleaseSeat("slot-1", "appt-1"));
    }

    @Test
    void aNoShowIsRefusedBeforeTheStartByAPatientOrAfterACheckIn() {
        refused(fixture.given(BOOKED).when(new MarkNoShow("appt-1", STAFF, START.minusSeconds(1))), Reason.WRONG_TIME);
        refused(fixture.given(BOOKED).when(new MarkNoShow("appt-1", PATIENT, START.plusSeconds(600))), Reason.NOT_ALLOWED);
        refused(fixture.given(BOOKED, CHECKED_IN).when(new MarkNoShow("appt-1", STAFF, START.plusSeconds(600))),
                Reason.WRONG_STATUS);
        assertThat(released).isEmpty();
    }

    private static Cancel cancel(Actor actor, Instant at) {
        return new Cancel("appt-1", actor, CancellationReason.PATIENT_REQUEST, at);
    }

    private static AppointmentCancelled cancelled(CancelledBy by) {
        return new AppointmentCancelled("appt-1", "apollo", "slot-1", "dr-1", "patient-1", START, "Asia/Kolkata", by,
                CancellationReason.PATIENT_REQUEST, null);
    }

    private static void refused(ResultValidator<Appointment> result, Reason reason) {
        result.expectException(AppointmentRejection.class)
                .expectException(new FeatureMatcher<AppointmentRejection, Reason>(equalTo(reason), "a rejection for", "reason") {
                    @Override
                    protected Reason featureValueOf(AppointmentRejection rejection) {
                        return rejection.reason();
                    }
                })
                .expectNoEvents();
    }
}
