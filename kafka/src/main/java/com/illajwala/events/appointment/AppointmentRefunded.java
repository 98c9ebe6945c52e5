package com.illajwala.events.appointment;

import java.time.Instant;

/** The provider refunded the appointment's payment. */
public record AppointmentRefunded(String appointmentId, String tenantId, String doctorId, Instant start,
                                  String timezone, String paymentId, String refundId) implements AppointmentEvent {
}
