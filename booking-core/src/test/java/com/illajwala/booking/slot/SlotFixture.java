package com.illajwala.booking.slot;

import com.illajwala.booking.slot.SlotCommands.BookAppointment;
import com.illajwala.booking.slot.SlotCommands.PublishSlot;
import com.illajwala.events.ConsultationMode;
import com.illajwala.events.slot.SlotPublished;

import java.time.Instant;
import java.util.Set;

/** Slots and bookings as the tests need them. */
final class SlotFixture {

    static final Instant START = Instant.parse("2026-12-01T03:30:00Z");
    static final Instant END = Instant.parse("2026-12-01T04:00:00Z");

    private SlotFixture() {
    }

    static PublishSlot publish(int capacity) {
        return PublishSlot.of("apollo", "doctor-1", "clinic-1", START, END, "Asia/Kolkata", capacity,
                Set.of(ConsultationMode.CLINIC, ConsultationMode.TELEHEALTH));
    }

    static SlotPublished published(int capacity) {
        PublishSlot command = publish(capacity);
        return new SlotPublished(command.slotId(), command.tenantId(), command.doctorId(), command.clinicId(),
                command.start(), command.end(), command.timezone(), command.capacity(), command.modes());
    }

    static BookAppointment book(String appointmentId, ConsultationMode mode) {
        return new BookAppointment(publish(1).slotId(), appointmentId, "patient-" + appointmentId, mode, null);
    }
}
