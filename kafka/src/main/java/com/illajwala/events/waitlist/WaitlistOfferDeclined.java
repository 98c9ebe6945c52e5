package com.illajwala.events.waitlist;

/** The patient declined the offered seat: it passes to the next patient, and the entry waits on. */
public record WaitlistOfferDeclined(String entryId, String tenantId, String slotId) implements WaitlistEvent {
}
