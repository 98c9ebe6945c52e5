package com.illajwala.projections.waitlist;

import com.illajwala.events.waitlist.WaitlistEntryBooked;
import com.illajwala.events.waitlist.WaitlistEntryExpired;
import com.illajwala.events.waitlist.WaitlistEntryWithdrawn;
import com.illajwala.events.waitlist.WaitlistEvent;
import com.illajwala.events.waitlist.WaitlistJoined;
import com.illajwala.projections.ReadModelWrites;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Keeps {@link WaitlistView}s from the waitlist topic. */
@Component
public class WaitlistViewProjection {

    public void on(WaitlistEvent event, long sequence, Instant at, ReadModelWrites writes) {
        if (event instanceof WaitlistJoined joined) {
            writes.create(WaitlistView.COLLECTION, joined.entryId(), sequence, new Update()
                    .setOnInsert("tenantId", joined.tenantId())
                    .setOnInsert("clinicId", joined.clinicId())
                    .setOnInsert("doctorId", joined.doctorId())
                    .setOnInsert("joinedAt", at)
                    .setOnInsert("status", "pending"));
            return;
        }
        String status = event instanceof WaitlistEntryBooked ? "booked"
                : event instanceof WaitlistEntryExpired ? "expired"
                : event instanceof WaitlistEntryWithdrawn ? "withdrawn" : null;
        if (status != null) {
            writes.update(WaitlistView.COLLECTION, event.entryId(), sequence, new Update().set("status", status));
        }
    }
}
