package com.illajwala.booking.slot;

import com.illajwala.events.ConsultationMode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Commands handled by the {@link Slot} aggregate. */
public final class SlotCommands {

    private SlotCommands() {
    }

    /** Makes a slot bookable; publishing the same slot twice changes nothing. */
    public record PublishSlot(
            @TargetAggregateIdentifier String slotId,
            String tenantId,
            String doctorId,
            String clinicId,
            Instant start,
            Instant end,
            String timezone,
            int capacity,
            Set<ConsultationMode> modes) {

        public static PublishSlot of(String tenantId, String doctorId, String clinicId, Instant start, Instant end,
                                     String timezone, int capacity, Set<ConsultationMode> modes) {
            return new PublishSlot(SlotCommands.slotId(doctorId, clinicId, start), tenantId, doctorId, clinicId, start, end,
                    timezone, capacity, modes);
        }
    }

    /**
     * Takes a seat in the slot and creates the appointment for it, in one unit of work.
     *
     * @param visibleTenant  the tenant whose host the request came through; a slot of another
     *                       tenant is treated as unknown. Null on the platform's own host.
     * @param dependentId    who the appointment is for when not the patient themself: one of the
     *                       patient's dependents (checked before the command is sent), else null
     * @param awaitsPayment  an online payment is outstanding: the appointment starts {@code pending},
     *                       its seat taken all the same
     */
    public record BookAppointment(
            @TargetAggregateIdentifier String slotId,
            String appointmentId,
            String patientId,
            String dependentId,
            ConsultationMode mode,
            String visibleTenant,
            boolean awaitsPayment) {

        public BookAppointment(String slotId, String appointmentId, String patientId, ConsultationMode mode,
                               String visibleTenant) {
            this(slotId, appointmentId, patientId, null, mode, visibleTenant, false);
        }
    }

    /**
     * Holds a seat for one patient until {@code at + duration}; asking again while holding changes nothing.
     *
     * @param visibleTenant as for {@link BookAppointment}
     */
    public record HoldSeat(@TargetAggregateIdentifier String slotId, String holdId, String patientId,
                           String visibleTenant, Duration duration, Instant at) {
    }

    /** Gives up a hold before it expires. */
    public record EndHold(@TargetAggregateIdentifier String slotId, String holdId) {
    }

    /**
     * Takes a seat for an appointment moving here from another slot (no new appointment). Answers
     * the slot's facts for the appointment to take on.
     */
    public record MoveIn(@TargetAggregateIdentifier String slotId, String appointmentId, String patientId,
                         ConsultationMode mode, String tenantId) {
    }

    /** What an appointment moving into a slot takes on. */
    public record SlotFacts(String slotId, String tenantId, String doctorId, String clinicId, Instant start, Instant end,
                            String timezone) {
    }

    /** Takes the slot out of the doctor's availability (blocked instead when it has bookings). */
    public record WithdrawSlot(@TargetAggregateIdentifier String slotId) {
    }

    /** Gives back the seat an appointment held; releasing a seat it does not hold changes nothing. */
    public record ReleaseSeat(@TargetAggregateIdentifier String slotId, String appointmentId) {
    }

    /** The id of a doctor's slot at a clinic, derived from its facts so that publishing is idempotent. */
    public static String slotId(String doctorId, String clinicId, Instant start) {
        String name = "slot:" + doctorId + ":" + clinicId + ":" + start;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
