package com.illajwala.notifications.inbound;

import com.illajwala.events.IllajwalaEvent;

import java.time.Instant;
import java.util.Optional;

/**
 * Whose an appointment or a waitlist entry is, and where and when, kept from the events that say it
 * for the later events that do not (a refund, a lapsed offer, a doctor running late).
 */
public interface SubjectFacts {

    record Appointment(String appointmentId, String tenantId, String patientId, String doctorId, String clinicId,
                       Instant start, Instant end, String timezone) {
    }

    record WaitlistEntry(String entryId, String tenantId, String patientId, String clinicId, String doctorId) {
    }

    /** Keeps what the event says of its appointment or entry; any other event is ignored. Idempotent. */
    void remember(IllajwalaEvent event);

    Optional<Appointment> appointment(String appointmentId);

    Optional<WaitlistEntry> waitlistEntry(String entryId);
}
