package com.illajwala.events.waitlist;

/** The entry's window passed without a booking. */
public record WaitlistEntryExpired(String entryId, String tenantId) implements WaitlistEvent {
}
