package com.illajwala.booking.waitlist;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.illajwala.booking.appointment.Actor;
import com.illajwala.booking.waitlist.WaitlistCommands.JoinWaitlist;
import com.illajwala.booking.waitlist.WaitlistCommands.LapseOffer;
import com.illajwala.booking.waitlist.WaitlistCommands.OfferSeat;
import com.illajwala.booking.waitlist.WaitlistCommands.SetUrgency;
import com.illajwala.booking.waitlist.WaitlistRejection.Reason;
import com.illajwala.events.waitlist.WaitlistEntryBooked;
import com.illajwala.events.waitlist.WaitlistEntryExpired;
import com.illajwala.events.waitlist.WaitlistEntryWithdrawn;
import com.illajwala.events.waitlist.WaitlistJoined;
import com.illajwala.events.waitlist.WaitlistOfferDeclined;
import com.illajwala.events.waitlist.WaitlistOfferLapsed;
import com.illajwala.events.waitlist.WaitlistOfferMade;
import com.illajwala.events.waitlist.WaitlistUrgencySet;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One patient (or dependent) waiting for a seat: {@code pending → promoted} (a seat offered and held
 * for them) {@code → booked}, or back to {@code pending} when the offer is declined or lapses, or
 * {@code expired} when the window has passed, or {@code withdrawn}.
 */
@Aggregate
public class WaitlistEntry {

    static final String ENTRY_EXPIRY = "waitlist-entry-expiry";

    /** The entry's states. */
    public enum Status {
        @JsonProperty("pending") PENDING,
        @JsonProperty("promoted") PROMOTED,
        @JsonProperty("booked") BOOKED,
        @JsonProperty("expired") EXPIRED,
        @JsonProperty("withdrawn") WITHDRAWN
    }

    @AggregateIdentifier
    private String entryId;
    private String tenantId;
    private String patientId;
    private String dependentId;
    private Instant expiresAt;
    private Status status;
    private boolean urgent;
    private WaitlistOfferMade offer;
    private final Set<String> passedSlots = new HashSet<>();

    protected WaitlistEntry() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    WaitlistJoined handle(JoinWaitlist command, DeadlineManager deadlines) {
        WaitlistJoined joined = new WaitlistJoined(command.entryId(), command.tenantId(), command.clinicId(),
                command.doctorId(), command.specialization(), command.patientId(), command.dependentId(), command.from(),
                command.to(), Set.copyOf(command.timesOfDay()), Set.copyOf(command.modes()), command.expiresAt());
        apply(joined);
        deadlines.schedule(command.expiresAt(), ENTRY_EXPIRY);
        return joined;
    }

    /** A promoted entry finishes its offer first; it expires when the offer ends. */
    @DeadlineHandler(deadlineName = ENTRY_EXPIRY)
    void windowPassed() {
        if (status == Status.PENDING) {
            apply(new WaitlistEntryExpired(entryId, tenantId));
        }
    }

    @CommandHandler
    void handle(SetUrgency command) {
        requireClinic(command.actor());
        requireStatus(Set.of(Status.PENDING, Status.PROMOTED), "marked urgent");
        if (urgent != command.urgent()) {
            apply(new WaitlistUrgencySet(entryId, tenantId, command.urgent()));
        }
    }

    @CommandHandler
    void handle(LapseOffer command) {
        if (status == Status.PROMOTED && offer.holdId().equals(command.holdId())) {
            apply(new WaitlistOfferLapsed(entryId, tenantId, offer.slotId()));
            expireIfPast(command.at());
        }
    }

    /** Whether the seat may be offered: a pending entry, and a slot it has not passed on. */
    void checkOffer(OfferSeat command) {
        requireStatus(Set.of(Status.PENDING), "offered a seat");
        if (passedSlots.contains(command.slotId())) {
            throw new WaitlistRejection(Reason.WRONG_STATUS, "The entry passed on this slot before");
        }
        if (!command.at().isBefore(expiresAt)) {
            throw new WaitlistRejection(Reason.WRONG_STATUS, "The entry's window has passed");
        }
    }

    WaitlistOfferMade offer(OfferSeat command, Instant holdExpiresAt) {
        checkOffer(command);
        WaitlistOfferMade made = new WaitlistOfferMade(entryId, tenantId, patientId, command.slotId(), command.doctorId(),
                command.clinicId(), command.start(), command.timezone(), command.mode(), command.holdId(), holdExpiresAt);
        apply(made);
        return made;
    }

    /** The offer the patient accepts, while it stands. */
    WaitlistOfferMade acceptable(Actor actor, Instant at) {
        requirePatient(actor);
        requireStatus(Set.of(Status.PROMOTED), "accepted");
        if (!at.isBefore(offer.expiresAt())) {
            throw new WaitlistRejection(Reason.OFFER_LAPSED, "The offer's time is up");
        }
        return offer;
    }

    WaitlistEntryBooked booked(String appointmentId) {
        WaitlistEntryBooked booked = new WaitlistEntryBooked(entryId, tenantId, offer.slotId(), appointmentId);
        apply(booked);
        return booked;
    }

    /** Declines the offer; answers it, whose hold is to be given up. */
    WaitlistOfferMade decline(Actor actor, Instant at) {
        requirePatient(actor);
        requireStatus(Set.of(Status.PROMOTED), "declined");
        WaitlistOfferMade declined = offer;
        apply(new WaitlistOfferDeclined(entryId, tenantId, offer.slotId()));
        expireIfPast(at);
        return declined;
    }

    /** Withdraws the entry; answers the offer whose hold is to be given up, if one stood. */
    Optional<WaitlistOfferMade> withdraw(Actor actor) {
        requireVisibleTo(actor);
        requireStatus(Set.of(Status.PENDING, Status.PROMOTED), "withdrawn");
        WaitlistOfferMade standing = offer;
        apply(new WaitlistEntryWithdrawn(entryId, tenantId,
                actor.isPatient() ? WaitlistEntryWithdrawn.By.PATIENT : WaitlistEntryWithdrawn.By.CLINIC));
        return Optional.ofNullable(standing);
    }

    public String dependentId() {
        return dependentId;
    }

    public String patientId() {
        return patientId;
    }

    public String tenantId() {
        return tenantId;
    }

    private void expireIfPast(Instant at) {
        if (!at.isBefore(expiresAt)) {
            apply(new WaitlistEntryExpired(entryId, tenantId));
        }
    }

    private void requireVisibleTo(Actor actor) {
        boolean visible = actor.isPatient() ? actor.id().equals(patientId) : actor.tenantId().equals(tenantId);
        if (!visible) {
            throw new WaitlistRejection(Reason.NOT_VISIBLE, "No waitlist entry with id " + entryId);
        }
    }

    private void requirePatient(Actor actor) {
        requireVisibleTo(actor);
        if (!actor.isPatient()) {
            throw new WaitlistRejection(Reason.NOT_ALLOWED, "Only the patient can answer an offer");
        }
    }

    private void requireClinic(Actor actor) {
        requireVisibleTo(actor);
        if (actor.isPatient()) {
            throw new WaitlistRejection(Reason.NOT_ALLOWED, "Only the clinic can do this");
        }
    }

    private void requireStatus(Set<Status> allowed, String step) {
        if (!allowed.contains(status)) {
            throw new WaitlistRejection(Reason.WRONG_STATUS,
                    "A " + status.name().toLowerCase() + " waitlist entry cannot be " + step);
        }
    }

    @EventSourcingHandler
    void on(WaitlistJoined event) {
        entryId = event.entryId();
        tenantId = event.tenantId();
        patientId = event.patientId();
        dependentId = event.dependentId();
        expiresAt = event.expiresAt();
        status = Status.PENDING;
    }

    @EventSourcingHandler
    void on(WaitlistUrgencySet event) {
        urgent = event.urgent();
    }

    @EventSourcingHandler
    void on(WaitlistOfferMade event) {
        status = Status.PROMOTED;
        offer = event;
    }

    @EventSourcingHandler
    void on(WaitlistOfferDeclined event) {
        passOn(event.slotId());
    }

    @EventSourcingHandler
    void on(WaitlistOfferLapsed event) {
        passOn(event.slotId());
    }

    private void passOn(String slotId) {
        status = Status.PENDING;
        passedSlots.add(slotId);
        offer = null;
    }

    @EventSourcingHandler
    void on(WaitlistEntryBooked event) {
        status = Status.BOOKED;
        offer = null;
    }

    @EventSourcingHandler
    void on(WaitlistEntryExpired event) {
        status = Status.EXPIRED;
    }

    @EventSourcingHandler
    void on(WaitlistEntryWithdrawn event) {
        status = Status.WITHDRAWN;
        offer = null;
    }
}
