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
import com.illajwala.projections.ReadModelWrites;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Keeps {@link SlotView}s from the slot topic. */
@Component
public class SlotViewProjection {

    /** @param time when the event was committed: every event moves the slot's {@code lastUpdated} */
    public void on(SlotEvent event, long sequence, Instant time, ReadModelWrites writes) {
        if (event instanceof SlotPublished published) {
            writes.create(SlotView.COLLECTION, published.slotId(), sequence, new Update()
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
                    .setOnInsert("status", "open")
                    .setOnInsert("scheduleId", SlotView.scheduleIdOf(published.doctorId(), published.clinicId()))
                    .setOnInsert("lastUpdated", time));
            return;
        }
        Update change = change(event);
        if (change != null) {
            writes.update(SlotView.COLLECTION, event.slotId(), sequence, change.set("lastUpdated", time));
        }
    }

    private static Update change(SlotEvent event) {
        if (event instanceof SlotSeatBooked booked) {
            return new Update().set("seatsBooked", booked.seatsBooked())
                    .set("status", booked.seatsBooked() >= booked.capacity() ? "full" : "open");
        } else if (event instanceof SlotSeatReleased released) {
            return new Update().set("seatsBooked", released.seatsBooked())
                    .set("status", released.bookable() ? "open" : "blocked");
        } else if (event instanceof SlotSeatHeld) {
            return new Update().inc("seatsHeld", 1);
        } else if (event instanceof SlotHoldEnded) {
            return new Update().inc("seatsHeld", -1);
        } else if (event instanceof SlotWithdrawn) {
            return new Update().set("status", "withdrawn");
        } else if (event instanceof SlotBlocked) {
            return new Update().set("status", "blocked");
        } else if (event instanceof SlotReopened reopened) {
            return new Update().set("status", reopened.seatsBooked() >= reopened.capacity() ? "full" : "open");
        }
        return null;
    }
}
