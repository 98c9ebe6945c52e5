package com.illajwala.events.appointment;

import java.time.Instant;

/** A payment arrived for an appointment already cancelled (its payment window had passed): it is to be refunded. */
public record LatePaymentReceived(String appointmentId, String tenantId, String doctorId, Instant start,
                                  String timezone, String paymentId) implements AppointmentEvent {
}
