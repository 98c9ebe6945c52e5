package com.illajwala.events.waitlist;

import com.illajwala.events.IllajwalaEvent;

/** Events of the WaitlistEntry aggregate: one patient (or dependent) waiting for a seat. */
public sealed interface WaitlistEvent extends IllajwalaEvent permits WaitlistJoined, WaitlistUrgencySet, WaitlistOfferMade,
        WaitlistOfferDeclined, WaitlistOfferLapsed, WaitlistEntryBooked, WaitlistEntryExpired, WaitlistEntryWithdrawn {

    String entryId();

    @Override
    default String aggregateId() {
        return entryId();
    }
}
