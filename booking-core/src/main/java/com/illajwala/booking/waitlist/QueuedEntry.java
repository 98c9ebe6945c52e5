package com.illajwala.booking.waitlist;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.illajwala.events.ConsultationMode;
import com.illajwala.events.waitlist.TimeOfDay;
import org.springframework.lang.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * A waitlist entry as its routes and the promotion read it.
 *
 * @param doctorId       the doctor waited for, or null when any doctor of {@code specialization} will do
 * @param offer          the seat offered and held for the patient while the entry is {@code promoted}
 * @param appointmentId  the appointment booked from the entry, once {@code booked}
 * @param position       the entry's place in its queue (1 is next) while it is {@code pending}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QueuedEntry(String entryId, String tenantId, String clinicId, @Nullable String doctorId,
                          @Nullable String specialization, String patientId, @Nullable String dependentId, LocalDate from,
                          LocalDate to, Set<TimeOfDay> timesOfDay, Set<ConsultationMode> modes, Instant expiresAt,
                          Instant joinedAt, boolean urgent, WaitlistEntry.Status status, @Nullable Offer offer,
                          @Nullable String appointmentId, @Nullable Integer position) {

    /** A seat offered to the entry. */
    public record Offer(String slotId, @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) String holdId,
                        Instant start, Instant expiresAt) {
    }

    QueuedEntry at(int place) {
        return new QueuedEntry(entryId, tenantId, clinicId, doctorId, specialization, patientId, dependentId, from, to,
                timesOfDay, modes, expiresAt, joinedAt, urgent, status, offer, appointmentId, place);
    }

    /** Whether two entries wait in the same queue: the same clinic, and the same doctor or specialization. */
    boolean sameQueueAs(QueuedEntry other) {
        return clinicId.equals(other.clinicId) && java.util.Objects.equals(doctorId, other.doctorId)
                && java.util.Objects.equals(specialization, other.specialization);
    }
}
