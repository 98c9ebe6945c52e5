package com.illajwala.projections.waitlist;

import com.illajwala.events.waitlist.WaitlistEntryBooked;
import com.illajwala.events.waitlist.WaitlistEntryExpired;
import com.illajwala.events.waitlist.WaitlistEntryWithdrawn;
import com.illajwala.events.waitlist.WaitlistEvent;
import com.illajwala.events.waitlist.WaitlistJoined;
import com.illajwala.projections.VersionedUpsert;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Instant;

/** Keeps {@link WaitlistView}s from the waitlist topic. */
@Component
public class WaitlistViewProjection {

    private final VersionedUpsert upsert;

    WaitlistViewProjection(VersionedUpsert upsert) {
        this.upsert = upsert;
    }

    public Mono<Void> on(WaitlistEvent event, long sequence, Instant at) {
        if (event instanceof WaitlistJoined joined) {
            return upsert.create(WaitlistView.COLLECTION, joined.entryId(), sequence, new Update()
                    .setOnInsert("tenantId", joined.tenantId())
                    .setOnInsert("clinicId", joined.clinicId())
                    .setOnInsert("doctorId", joined.doctorId())
                    .setOnInsert("joinedAt", at)
                    .setOnInsert("status", "pending"));
        }
        String status = event instanceof WaitlistEntryBooked ? "booked"
                : event instanceof WaitlistEntryExpired ? "expired"
                : event instanceof WaitlistEntryWithdrawn ? "withdrawn" : null;
        return status == null ? Mono.empty()
                : upsert.update(WaitlistView.COLLECTION, event.entryId(), sequence, new Update().set("status", status));
    }
}
