package com.illajwala.events.waitlist;

import com.illajwala.events.Nullable;
import com.illajwala.events.ConsultationMode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * A patient joined a clinic's waitlist, for one doctor or for any doctor of a specialization.
 *
 * @param doctorId       the doctor waited for, or null when any doctor of {@code specialization} will do
 * @param specialization the specialization waited for when no doctor is named, else null
 * @param dependentId    the patient's dependent the seat is for (an opaque id), or null
 * @param from           the first day of the preferred window, in the clinic's time zone
 * @param to             the last day of the window
 * @param timesOfDay     the parts of the day that suit
 * @param modes          the consultation modes that suit
 * @param expiresAt      when the entry ends if no seat was booked: the end of the window
 */
public record WaitlistJoined(String entryId, String tenantId, String clinicId, @Nullable String doctorId, @Nullable String specialization,
                             String patientId, @Nullable String dependentId, LocalDate from, LocalDate to,
                             Set<TimeOfDay> timesOfDay, Set<ConsultationMode> modes, Instant expiresAt)
        implements WaitlistEvent {
}
