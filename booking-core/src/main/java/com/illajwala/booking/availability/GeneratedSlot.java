package com.illajwala.booking.availability;

import com.illajwala.booking.slot.SlotCommands;
import com.illajwala.booking.slot.SlotCommands.PublishSlot;
import com.illajwala.events.ConsultationMode;

import java.time.Instant;
import java.util.Set;

/** A slot the rules call for. */
public record GeneratedSlot(Instant start, Instant end, int capacity, Set<ConsultationMode> modes) {

    /** The command that publishes it as the doctor's slot at the clinic; publishing it again changes nothing. */
    PublishSlot publication(String tenantId, String doctorId, String clinicId, String timezone) {
        return new PublishSlot(SlotCommands.slotId(doctorId, clinicId, start), tenantId, doctorId, clinicId, start, end,
                timezone, capacity, modes);
    }
}
