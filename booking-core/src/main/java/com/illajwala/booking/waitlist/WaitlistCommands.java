package com.illajwala.booking.waitlist;

import com.illajwala.booking.appointment.Actor;
import com.illajwala.events.ConsultationMode;
import com.illajwala.events.waitlist.TimeOfDay;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/** The commands of a waitlist entry. */
public final class WaitlistCommands {

    private WaitlistCommands() {
    }

    /** Joins the waitlist; the route has checked the clinic, the doctor or specialization and the dependent. */
    public record JoinWaitlist(@TargetAggregateIdentifier String entryId, String tenantId, String clinicId, String doctorId, String specialization,
                               String patientId, String dependentId, LocalDate from, LocalDate to,
                               Set<TimeOfDay> timesOfDay, Set<ConsultationMode> modes, Instant expiresAt) {
    }

    /** The clinic marks the entry urgent, or not. */
    public record SetUrgency(@TargetAggregateIdentifier String entryId, Actor actor, boolean urgent) {
    }

    /** Offers a free seat to the entry: holds it for the entry's patient for {@code offerTime}. */
    public record OfferSeat(@TargetAggregateIdentifier String entryId, String slotId, String doctorId, String clinicId,
                            Instant start, String timezone, ConsultationMode mode, String holdId, Duration offerTime,
                            Instant at) {
    }

    /** The patient takes the offered seat: the appointment is booked with the hold. */
    public record AcceptOffer(@TargetAggregateIdentifier String entryId, Actor actor, String appointmentId, Instant at) {
    }

    /** The patient turns the offered seat down: it passes on, and the entry waits on. */
    public record DeclineOffer(@TargetAggregateIdentifier String entryId, Actor actor, Instant at) {
    }

    /** The patient or the clinic takes the entry off the waitlist. */
    public record WithdrawEntry(@TargetAggregateIdentifier String entryId, Actor actor) {
    }

    /** The offered seat's hold expired unaccepted. */
    public record LapseOffer(@TargetAggregateIdentifier String entryId, String holdId, Instant at) {
    }
}
