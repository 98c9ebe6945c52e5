package com.illajwala.booking.waitlist;

import com.illajwala.booking.slot.SlotCommands.BookAppointment;
import com.illajwala.booking.slot.SlotCommands.EndHold;
import com.illajwala.booking.slot.SlotCommands.HoldSeat;
import com.illajwala.booking.waitlist.WaitlistCommands.AcceptOffer;
import com.illajwala.booking.waitlist.WaitlistCommands.DeclineOffer;
import com.illajwala.booking.waitlist.WaitlistCommands.OfferSeat;
import com.illajwala.booking.waitlist.WaitlistCommands.WithdrawEntry;
import com.illajwala.events.appointment.AppointmentBooked;
import com.illajwala.events.slot.SlotSeatHeld;
import com.illajwala.events.waitlist.WaitlistEntryBooked;
import com.illajwala.events.waitlist.WaitlistOfferMade;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The waitlist steps that move seats. The entry decides; the slot's change is sent from inside the
 * same unit of work, so both aggregates' events commit in one transaction or neither does: an offer
 * always has its hold, an accepted offer always its appointment, a declined one never keeps its seat.
 */
@Component
public class WaitlistHandlers {

    private final Repository<WaitlistEntry> entries;
    private final CommandGateway commands;

    public WaitlistHandlers(@Qualifier("waitlistEntryRepository") Repository<WaitlistEntry> entries,
                            CommandGateway commands) {
        this.entries = entries;
        this.commands = commands;
    }

    /** Holds the seat for the entry's patient first: a seat that is not free refuses, and no offer is made. */
    @CommandHandler
    public WaitlistOfferMade handle(OfferSeat command) {
        Aggregate<WaitlistEntry> entry = entries.load(command.entryId());
        entry.execute(e -> e.checkOffer(command));
        SlotSeatHeld held = commands.sendAndWait(new HoldSeat(command.slotId(), command.holdId(),
                entry.invoke(WaitlistEntry::patientId), entry.invoke(WaitlistEntry::tenantId), command.offerTime(),
                command.at()));
        if (!held.holdId().equals(command.holdId())) {
            throw new WaitlistRejection(WaitlistRejection.Reason.WRONG_STATUS, "The patient already holds a seat in this slot");
        }
        return entry.invoke(e -> e.offer(command, held.expiresAt()));
    }

    /** Books the offered seat with its hold, for whoever the entry is for. */
    @CommandHandler
    public WaitlistEntryBooked handle(AcceptOffer command) {
        Aggregate<WaitlistEntry> entry = entries.load(command.entryId());
        WaitlistOfferMade offer = entry.invoke(e -> e.acceptable(command.actor(), command.at()));
        AppointmentBooked booked = commands.sendAndWait(new BookAppointment(offer.slotId(), command.appointmentId(),
                offer.patientId(), entry.invoke(WaitlistEntry::dependentId), offer.mode(), offer.tenantId(), false));
        return entry.invoke(e -> e.booked(booked.appointmentId()));
    }

    @CommandHandler
    public void handle(DeclineOffer command) {
        Aggregate<WaitlistEntry> entry = entries.load(command.entryId());
        WaitlistOfferMade declined = entry.invoke(e -> e.decline(command.actor(), command.at()));
        commands.sendAndWait(new EndHold(declined.slotId(), declined.holdId()));
    }

    @CommandHandler
    public void handle(WithdrawEntry command) {
        Aggregate<WaitlistEntry> entry = entries.load(command.entryId());
        entry.invoke(e -> e.withdraw(command.actor()))
                .ifPresent(offer -> commands.sendAndWait(new EndHold(offer.slotId(), offer.holdId())));
    }
}
