package com.illajwala.events.appointment;

import java.time.Instant;

/** The payment provider holds an order for a pending appointment; its seat stays held until paid or expired. */
public record AppointmentPaymentRequested(String appointmentId, String tenantId, String doctorId, Instant start,
                                          String timezone, String orderId, long amountMinor, String currency)
        implements AppointmentEvent {
}
