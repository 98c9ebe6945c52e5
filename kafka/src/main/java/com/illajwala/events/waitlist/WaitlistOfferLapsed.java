package com.illajwala.events.waitlist;

/** The patient did not accept the offered seat in time: it passes to the next patient, and the entry waits on. */
public record WaitlistOfferLapsed(String entryId, String tenantId, String slotId) implements WaitlistEvent {
}
