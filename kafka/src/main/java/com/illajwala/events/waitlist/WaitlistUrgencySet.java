package com.illajwala.events.waitlist;

/** The clinic marked a waiting patient urgent, or no longer urgent: urgency raises the entry's priority. */
public record WaitlistUrgencySet(String entryId, String tenantId, boolean urgent) implements WaitlistEvent {
}
