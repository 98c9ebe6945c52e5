package com.illajwala.booking.schedule;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/**
 * Tells the day's patients that the doctor runs {@code minutes} late; announcing the same lateness
 * again changes nothing.
 *
 * @param appointmentIds the day's appointments still to be seen, whose patients are told
 */
public record AnnounceRunningLate(@TargetAggregateIdentifier String doctorDayId, String doctorId, String tenantId,
                                  LocalDate date, int minutes, List<String> appointmentIds) {
}
