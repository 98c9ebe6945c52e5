package com.illajwala.events.slot;

import com.illajwala.events.IllajwalaEvent;

/** Events of the Slot aggregate: one bookable interval of one doctor at one clinic. */
public sealed interface SlotEvent extends IllajwalaEvent permits SlotPublished, SlotSeatBooked, SlotSeatReleased, SlotWithdrawn, SlotBlocked,
        SlotReopened, SlotSeatHeld, SlotHoldEnded {

    String slotId();

    @Override
    default String aggregateId() {
        return slotId();
    }
}
