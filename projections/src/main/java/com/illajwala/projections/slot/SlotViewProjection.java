package com.illajwala.projections.slot;

import com.illajwala.events.slot.SlotEvent;
import com.illajwala.events.slot.SlotPublished;
import com.illajwala.events.slot.SlotSeatBooked;
import com.illajwala.events.slot.SlotBlocked;
import com.illajwala.events.slot.SlotHoldEnded;
import com.illajwala.events.slot.SlotSeatHeld;
import com.illajwala.events.slot.SlotReopened;
import com.illajwala.events.slot.SlotSeatReleased;
import com.illajwala.events.slot.SlotWithdrawn;
import com.illajwala.projections.VersionedUpsert;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.LocalDate;
import java.time.ZoneId;

/** Keeps {@link SlotView}s from the slot topic. */
@Component
public class SlotViewProjection {

    private final VersionedUpsert upsert;

    public SlotViewProjection(VersionedUpsert upsert) {
        this.upsert = upsert;
    }

    public Mono<Void> on(SlotEvent event, long sequence) {
        if (event instanceof SlotPublished published) {
            return upsert.create(SlotView.COLLECTION, published.slotId(), sequence, new Update()
                    .setOnInsert("tenantId", published.tenantId())
                    .setOnInsert("doctorId", published.doctorId())
                    .setOnInsert("clinicId", published.clinicId())
                    .setOnInsert("start", published.start())
                    .setOnInsert("end", published.end())
                    .setOnInsert("timezone", published.timezone())
                    .setOnInsert("localDate", LocalDate.ofInstant(published.start(), ZoneId.of(published.timezone())).toString())
                    .setOnInsert("capacity", published.capacity())
                    .setOnInsert("seatsBooked", 0)
                    .setOnInsert("seatsHeld", 0)
                    .setOnInsert("modes", published.modes())
                    .setOnInsert("status", "open"));
        }
        if (event instanceof SlotSeatBooked booked) {
            return upsert.update(SlotView.COLLECTION, booked.slotId(), sequence, new Update()
                    .set("seatsBooked", booked.seatsBooked())
                    .set("status", booked.seatsBooked() >= booked.capacity() ? "full" : "open"));
        }
        if (event instanceof SlotSeatReleased released) {
            return upsert.update(SlotView.COLLECTION, released.slotId(), sequence, new Update()
                    .set("seatsBooked", released.seatsBooked())
                    .set("status", released.bookable() ? "open" : "blocked"));
        }
        if (event instanceof SlotSeatHeld) {
            return upsert.update(SlotView.COLLECTION, event.slotId(), sequence, new Update().inc("seatsHeld", 1));
        }
        if (event instanceof SlotHoldEnded) {
            return upsert.update(SlotView.COLLECTION, event.slotId(), sequence, new Update().inc("seatsHeld", -1));
        }
        if (event instanceof SlotWithdrawn) {
            return upsert.update(SlotView.COLLECTION, event.slotId(), sequence, new Update().set("status", "withdrawn"));
        }
        if (event instanceof SlotBlocked) {
            return upsert.update(SlotView.COLLECTION, event.slotId(), sequence, new Update().set("status", "blocked"));
        }
        if (event instanceof SlotReopened reopened) {
            return upsert.update(SlotView.COLLECTION, event.slotId(), sequence, new Update()
                    .set("status", reopened.seatsBooked() >= reopened.capacity() ? "full" : "open"));
        }
        return Mono.empty();
    }
}
