package com.illajwala.events.waitlist;

/** The patient accepted the offer: the appointment is booked in the offered seat, and the entry is done. */
public record WaitlistEntryBooked(String entryId, String tenantId, String slotId, String appointmentId)
        implements WaitlistEvent {
}
