package com.illajwala.booking.appointment;

import com.illajwala.events.appointment.CancellationReason;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Duration;
import java.time.Instant;

/** Commands of an appointment's lifecycle. {@code at} is when the request was made. */
public final class AppointmentCommands {

    private AppointmentCommands() {
    }

    /** Sent by the {@link ReminderSaga} when a reminder's time has come, for the appointment starting at {@code start}. */
    public record RecordReminderDue(@TargetAggregateIdentifier String appointmentId, Instant start, Duration before) {
    }

    /** The provider's order for a pending appointment's payment. */
    public record RequestPayment(@TargetAggregateIdentifier String appointmentId, String orderId, long amountMinor,
                                 String currency) {
    }

    /** The provider says the payment was captured; the same payment again changes nothing. */
    public record ConfirmPayment(@TargetAggregateIdentifier String appointmentId, String paymentId) {
    }

    /** The provider refunded the payment. */
    public record RecordRefund(@TargetAggregateIdentifier String appointmentId, String paymentId, String refundId) {
    }

    /** Handled by {@link SeatReleasingHandlers}: a pending appointment whose payment window passed is cancelled. */
    public record ExpireUnpaid(String appointmentId) {
    }

    public record CheckIn(@TargetAggregateIdentifier String appointmentId, Actor actor) {
    }

    public record StartConsultation(@TargetAggregateIdentifier String appointmentId, Actor actor) {
    }

    public record Complete(@TargetAggregateIdentifier String appointmentId, Actor actor) {
    }

    /** Handled by {@link SeatReleasingHandlers}: the appointment and its slot change together. */
    public record Cancel(String appointmentId, Actor actor, CancellationReason reason, Instant at) {
    }

    /** Handled by {@link SeatReleasingHandlers}: the new seat is taken and the old one released together. */
    public record Reschedule(String appointmentId, String slotId, Actor actor, Instant at) {
    }

    /** Handled by {@link SeatReleasingHandlers}. */
    public record MarkNoShow(String appointmentId, Actor actor, Instant at) {
    }
}
