package com.illajwala.booking.appointment;

import com.illajwala.booking.appointment.AppointmentCommands.Cancel;
import com.illajwala.booking.appointment.AppointmentCommands.CheckIn;
import com.illajwala.booking.appointment.AppointmentCommands.ConfirmPayment;
import com.illajwala.booking.appointment.AppointmentCommands.RecordRefund;
import com.illajwala.booking.appointment.AppointmentCommands.RequestPayment;
import com.illajwala.booking.appointment.AppointmentCommands.Complete;
import com.illajwala.booking.appointment.AppointmentCommands.StartConsultation;
import com.illajwala.booking.appointment.AppointmentCommands.MarkNoShow;
import com.illajwala.booking.appointment.AppointmentCommands.RecordReminderDue;
import com.illajwala.booking.appointment.AppointmentCommands.Reschedule;
import com.illajwala.booking.slot.SlotCommands.SlotFacts;
import com.illajwala.booking.appointment.AppointmentRejection.Reason;
import com.illajwala.events.AppointmentStatus;
import com.illajwala.events.ConsultationMode;
import com.illajwala.events.appointment.AppointmentBooked;
import com.illajwala.events.appointment.AppointmentCancelled;
import com.illajwala.events.appointment.AppointmentCheckedIn;
import com.illajwala.events.appointment.AppointmentConfirmed;
import com.illajwala.events.appointment.AppointmentPaymentRequested;
import com.illajwala.events.appointment.AppointmentRefunded;
import com.illajwala.events.appointment.CancellationReason;
import com.illajwala.events.appointment.LatePaymentReceived;
import com.illajwala.events.appointment.AppointmentCompleted;
import com.illajwala.events.appointment.AppointmentConsultationStarted;
import com.illajwala.events.appointment.AppointmentMarkedNoShow;
import com.illajwala.events.appointment.AppointmentRescheduled;
import com.illajwala.events.appointment.AppointmentReminderDue;
import com.illajwala.events.appointment.CancelledBy;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A patient's appointment in a slot: {@code pending → confirmed → checked_in → completed}, or
 * {@code cancelled} / {@code no_show}. Created by the {@link com.illajwala.booking.slot.Slot} whose
 * seat it takes; a cancellation or no-show gives the seat back in the same transaction
 * ({@link SeatReleasingHandlers}).
 */
@Aggregate
public class Appointment {

    @AggregateIdentifier
    private String appointmentId;
    private String tenantId;
    private String slotId;
    private String doctorId;
    private String clinicId;
    private String patientId;
    private Instant start;
    private Instant end;
    private String timezone;
    private ConsultationMode mode;
    private AppointmentStatus status;
    private String paymentId;
    private final java.util.Set<String> latePayments = new java.util.HashSet<>();
    /** Payments refunded; filled by the event sourcing handler, checked before applying (so replays agree). */
    private final java.util.Set<String> refunded = new java.util.HashSet<>();

    protected Appointment() {
    }

    public Appointment(AppointmentBooked booked) {
        apply(booked);
    }

    @CommandHandler
    AppointmentCheckedIn handle(CheckIn command) {
        requireClinic(command.actor());
        requireStatus(Set.of(AppointmentStatus.CONFIRMED), "checked in");
        AppointmentCheckedIn checkedIn = new AppointmentCheckedIn(appointmentId, tenantId, slotId, doctorId, start, timezone);
        apply(checkedIn);
        return checkedIn;
    }

    @CommandHandler
    AppointmentConsultationStarted handle(StartConsultation command) {
        requireClinic(command.actor());
        requireStatus(Set.of(AppointmentStatus.CHECKED_IN), "seen");
        AppointmentConsultationStarted started = new AppointmentConsultationStarted(appointmentId, tenantId, slotId,
                doctorId, start, timezone);
        apply(started);
        return started;
    }

    /** From the consultation, or straight from check-in for a clinic that does not record when consultations start. */
    @CommandHandler
    AppointmentCompleted handle(Complete command) {
        requireClinic(command.actor());
        requireStatus(Set.of(AppointmentStatus.CHECKED_IN, AppointmentStatus.IN_CONSULTATION), "completed");
        AppointmentCompleted completed = new AppointmentCompleted(appointmentId, tenantId, slotId, doctorId, start, timezone);
        apply(completed);
        return completed;
    }

    /** A patient may cancel their own until the clinic's notice period; the clinic until the end of the slot. */
    AppointmentCancelled cancel(Cancel command, Duration cancellationNotice) {
        requireVisibleTo(command.actor());
        requireStatus(Set.of(AppointmentStatus.PENDING, AppointmentStatus.CONFIRMED), "cancelled");
        if (command.actor().isPatient() && command.at().isAfter(start.minus(cancellationNotice))) {
            throw new AppointmentRejection(Reason.WRONG_TIME, "Appointments can be cancelled up to "
                    + cancellationNotice.toHours() + " hours before they start; please call the clinic");
        }
        if (!command.at().isBefore(end)) {
            throw new AppointmentRejection(Reason.WRONG_TIME, "The appointment is over");
        }
        AppointmentCancelled cancelled = new AppointmentCancelled(appointmentId, tenantId, slotId, doctorId, patientId,
                start, timezone, command.actor().isPatient() ? CancelledBy.PATIENT : CancelledBy.CLINIC, command.reason(),
                paymentId);
        apply(cancelled);
        return cancelled;
    }

    /**
     * Whether the appointment may move: the same who and when as a cancellation. Changes nothing;
     * {@link #moveTo} records the move once the new seat is taken.
     */
    void checkReschedule(Reschedule command, Duration cancellationNotice) {
        requireVisibleTo(command.actor());
        requireStatus(Set.of(AppointmentStatus.PENDING, AppointmentStatus.CONFIRMED), "rescheduled");
        if (command.slotId().equals(slotId)) {
            throw new AppointmentRejection(Reason.WRONG_STATUS, "The appointment is already in this slot");
        }
        if (command.actor().isPatient() && command.at().isAfter(start.minus(cancellationNotice))) {
            throw new AppointmentRejection(Reason.WRONG_TIME, "Appointments can be moved up to "
                    + cancellationNotice.toHours() + " hours before they start; please call the clinic");
        }
    }

    AppointmentRescheduled moveTo(SlotFacts slot) {
        AppointmentRescheduled rescheduled = new AppointmentRescheduled(appointmentId, tenantId, patientId, slotId,
                slot.slotId(), slot.doctorId(), slot.clinicId(), slot.start(), slot.end(), slot.timezone());
        apply(rescheduled);
        return rescheduled;
    }

    String slotId() {
        return slotId;
    }

    String clinicId() {
        return clinicId;
    }

    String tenantId() {
        return tenantId;
    }

    String patientId() {
        return patientId;
    }

    ConsultationMode mode() {
        return mode;
    }

    @CommandHandler
    void handle(RequestPayment command) {
        requireStatus(Set.of(AppointmentStatus.PENDING), "paid for");
        apply(new AppointmentPaymentRequested(appointmentId, tenantId, doctorId, start, timezone, command.orderId(),
                command.amountMinor(), command.currency()));
    }

    /**
     * Confirms a pending appointment. Payment and expiry meet here one after the other: a payment
     * that arrives after the appointment was cancelled is recorded for a refund, once.
     */
    @CommandHandler
    void handle(ConfirmPayment command) {
        if (status == AppointmentStatus.PENDING) {
            apply(new AppointmentConfirmed(appointmentId, tenantId, patientId, doctorId, clinicId, start, timezone,
                    command.paymentId()));
        } else if (status == AppointmentStatus.CANCELLED && paymentId == null
                && !latePayments.contains(command.paymentId())) {
            apply(new LatePaymentReceived(appointmentId, tenantId, doctorId, start, timezone, command.paymentId()));
        }
    }

    /** Records the provider's refund of a payment; the same payment's refund again changes nothing. */
    @CommandHandler
    void handle(RecordRefund command) {
        if (refunded.add(command.paymentId())) {
            apply(new AppointmentRefunded(appointmentId, tenantId, doctorId, start, timezone, command.paymentId(),
                    command.refundId()));
        }
    }

    /** Cancels the appointment if it is still waiting for its payment; otherwise nothing. */
    Optional<AppointmentCancelled> expireUnpaid() {
        if (status != AppointmentStatus.PENDING) {
            return Optional.empty();
        }
        AppointmentCancelled cancelled = new AppointmentCancelled(appointmentId, tenantId, slotId, doctorId, patientId,
                start, timezone, CancelledBy.SYSTEM, CancellationReason.PAYMENT_NOT_RECEIVED, null);
        apply(cancelled);
        return Optional.of(cancelled);
    }

    /** A reminder is due only for an appointment that is still confirmed at the time it was set for. */
    @CommandHandler
    void handle(RecordReminderDue command) {
        if (status == AppointmentStatus.CONFIRMED && start.equals(command.start())) {
            apply(new AppointmentReminderDue(appointmentId, tenantId, patientId, doctorId, clinicId, start, timezone,
                    command.before()));
        }
    }

    /** Only the clinic, only once the appointment should have started. */
    AppointmentMarkedNoShow markNoShow(MarkNoShow command) {
        requireClinic(command.actor());
        requireStatus(Set.of(AppointmentStatus.CONFIRMED), "marked as a no-show");
        if (command.at().isBefore(start)) {
            throw new AppointmentRejection(Reason.WRONG_TIME, "The appointment has not started yet");
        }
        AppointmentMarkedNoShow noShow = new AppointmentMarkedNoShow(appointmentId, tenantId, slotId, doctorId,
                patientId, start, timezone);
        apply(noShow);
        return noShow;
    }

    private void requireVisibleTo(Actor actor) {
        boolean visible = switch (actor.kind()) {
            case PATIENT -> actor.id().equals(patientId);
            case DOCTOR -> actor.tenantId().equals(tenantId) && actor.id().equals(doctorId);
            case STAFF -> actor.tenantId().equals(tenantId);
        };
        if (!visible) {
            throw new AppointmentRejection(Reason.NOT_VISIBLE, "No appointment with id " + appointmentId);
        }
    }

    private void requireClinic(Actor actor) {
        requireVisibleTo(actor);
        if (actor.isPatient()) {
            throw new AppointmentRejection(Reason.NOT_ALLOWED, "Only the clinic can do this");
        }
    }

    private void requireStatus(Set<AppointmentStatus> allowed, String step) {
        if (!allowed.contains(status)) {
            throw new AppointmentRejection(Reason.WRONG_STATUS,
                    "A " + status.name().toLowerCase() + " appointment cannot be " + step);
        }
    }

    @EventSourcingHandler
    void on(AppointmentBooked event) {
        appointmentId = event.appointmentId();
        tenantId = event.tenantId();
        slotId = event.slotId();
        doctorId = event.doctorId();
        clinicId = event.clinicId();
        patientId = event.patientId();
        start = event.start();
        end = event.end();
        timezone = event.timezone();
        mode = event.mode();
        status = event.status();
    }

    @EventSourcingHandler
    void on(AppointmentRescheduled event) {
        slotId = event.slotId();
        doctorId = event.doctorId();
        clinicId = event.clinicId();
        start = event.start();
        end = event.end();
        timezone = event.timezone();
    }

    @EventSourcingHandler
    void on(AppointmentConfirmed event) {
        status = AppointmentStatus.CONFIRMED;
        paymentId = event.paymentId();
    }

    @EventSourcingHandler
    void on(AppointmentRefunded event) {
        refunded.add(event.paymentId());
    }

    @EventSourcingHandler
    void on(LatePaymentReceived event) {
        latePayments.add(event.paymentId());
    }

    @EventSourcingHandler
    void on(AppointmentCheckedIn event) {
        status = AppointmentStatus.CHECKED_IN;
    }

    @EventSourcingHandler
    void on(AppointmentConsultationStarted event) {
        status = AppointmentStatus.IN_CONSULTATION;
    }

    @EventSourcingHandler
    void on(AppointmentCompleted event) {
        status = AppointmentStatus.COMPLETED;
    }

    @EventSourcingHandler
    void on(AppointmentCancelled event) {
        status = AppointmentStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(AppointmentMarkedNoShow event) {
        status = AppointmentStatus.NO_SHOW;
    }
}
