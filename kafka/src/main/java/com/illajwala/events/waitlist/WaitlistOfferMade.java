package com.illajwala.events.waitlist;

import com.illajwala.events.ConsultationMode;

import java.time.Instant;

/**
 * A freed seat was offered to a waiting patient and is held for them until {@code expiresAt}: the
 * patient accepts (booked) or declines, or the offer lapses and passes to the next patient.
 */
public record WaitlistOfferMade(String entryId, String tenantId, String patientId, String slotId, String doctorId,
                                String clinicId, Instant start, String timezone, ConsultationMode mode, String holdId,
                                Instant expiresAt) implements WaitlistEvent {
}
