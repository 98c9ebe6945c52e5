package com.illajwala.events.appointment;

import com.illajwala.events.Nullable;

import java.time.Instant;

/**
 * The appointment was called off; its seat is free again ({@code SlotSeatReleased} in the same transaction).
 *
 * @param refundedPaymentId the online payment to refund, for a paid appointment; null otherwise
 */
public record AppointmentCancelled(String appointmentId, String tenantId, String slotId, String doctorId,
                                   String patientId, Instant start, String timezone, CancelledBy cancelledBy,
                                   CancellationReason reason, @Nullable String refundedPaymentId)
        implements AppointmentEvent {
}
