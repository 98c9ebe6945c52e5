package com.illajwala.booking.slot;

import com.illajwala.booking.appointment.Appointment;
import com.illajwala.booking.doctor.BookableDoctors;
import com.illajwala.booking.slot.SlotCommands.BookAppointment;
import com.illajwala.booking.slot.SlotCommands.EndHold;
import com.illajwala.booking.slot.SlotCommands.HoldSeat;
import com.illajwala.booking.slot.SlotCommands.MoveIn;
import com.illajwala.booking.slot.SlotCommands.SlotFacts;
import com.illajwala.booking.slot.SlotCommands.PublishSlot;
import com.illajwala.booking.slot.SlotCommands.ReleaseSeat;
import com.illajwala.booking.slot.SlotCommands.WithdrawSlot;
import com.illajwala.events.AppointmentStatus;
import com.illajwala.events.ConsultationMode;
import com.illajwala.events.appointment.AppointmentBooked;
import com.illajwala.events.slot.SlotPublished;
import com.illajwala.events.slot.SlotSeatBooked;
import com.illajwala.events.slot.SlotBlocked;
import com.illajwala.events.slot.SlotHoldEnded;
import com.illajwala.events.slot.SlotSeatHeld;
import com.illajwala.events.slot.SlotReopened;
import com.illajwala.events.slot.SlotSeatReleased;
import com.illajwala.events.slot.SlotWithdrawn;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

/** One bookable interval of one doctor at one clinic, with one or more seats. */
@Aggregate
public class Slot {

    static final String HOLD_EXPIRY = "hold-expiry";

    @AggregateIdentifier
    private String slotId;
    private String tenantId;
    private String doctorId;
    private String clinicId;
    private Instant start;
    private Instant end;
    private String timezone;
    private int capacity;
    private Set<ConsultationMode> modes;
    private final Set<String> seatHolders = new HashSet<>();
    /** Seats held during checkout, by hold id: each counts as taken until used or expired. */
    private final Map<String, String> holders = new HashMap<>();
    /** No longer in the doctor's availability: withdrawn (no bookings) or blocked (bookings stand). */
    private boolean outsideAvailability;

    protected Slot() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(PublishSlot command, BookableDoctors doctors) {
        if (slotId != null) {
            if (outsideAvailability) {
                apply(new SlotReopened(slotId, tenantId, doctorId, seatHolders.size(), capacity));
            }
            return;
        }
        if (!doctors.isBookable(command.doctorId())) {
            throw new SlotRejection(SlotRejection.Reason.DOCTOR_NOT_VERIFIED,
                    "Only doctors the platform has verified can have slots");
        }
        if (command.capacity() < 1 || !command.end().isAfter(command.start()) || command.modes().isEmpty()) {
            throw new SlotRejection(SlotRejection.Reason.INVALID,
                    "A slot needs at least one seat, one consultation mode and an end after its start");
        }
        apply(new SlotPublished(command.slotId(), command.tenantId(), command.doctorId(), command.clinicId(),
                command.start(), command.end(), command.timezone(), command.capacity(), Set.copyOf(command.modes())));
    }

    /**
     * Holds a seat for the patient during checkout. The hold ends by a deadline (persisted, so it
     * fires after a restart too), by the patient's booking, whichever comes first.
     */
    @CommandHandler
    SlotSeatHeld handle(HoldSeat command, DeadlineManager deadlines) {
        requireBookable(command.visibleTenant());
        Optional<String> existing = holdOf(command.patientId());
        if (existing.isPresent()) {
            return new SlotSeatHeld(slotId, tenantId, doctorId, start, existing.get(), command.patientId(), null);
        }
        requireFreeSeat();
        Instant expiresAt = command.at().plus(command.duration());
        SlotSeatHeld held = new SlotSeatHeld(slotId, tenantId, doctorId, start, command.holdId(), command.patientId(),
                expiresAt);
        apply(held);
        deadlines.schedule(expiresAt, HOLD_EXPIRY, command.holdId());
        return held;
    }

    @DeadlineHandler(deadlineName = HOLD_EXPIRY)
    void holdExpired(String holdId) {
        if (holders.containsKey(holdId)) {
            apply(new SlotHoldEnded(slotId, tenantId, doctorId, holdId, SlotHoldEnded.Outcome.EXPIRED));
        }
    }

    /** Gives a hold up before it expires: the seat is free again. Ending a hold that is over changes nothing. */
    @CommandHandler
    void handle(EndHold command) {
        if (holders.containsKey(command.holdId())) {
            apply(new SlotHoldEnded(slotId, tenantId, doctorId, command.holdId(), SlotHoldEnded.Outcome.RELEASED));
        }
    }

    /**
     * Books a seat and creates the appointment; both aggregates' events commit in one transaction.
     * A patient holding a seat here books with it.
     */
    @CommandHandler
    AppointmentBooked handle(BookAppointment command) throws Exception {
        AppointmentBooked booked = new AppointmentBooked(command.appointmentId(), tenantId, slotId, doctorId,
                clinicId, command.patientId(), command.dependentId(), start, end, timezone, command.mode(),
                command.awaitsPayment() ? AppointmentStatus.PENDING : AppointmentStatus.CONFIRMED);
        takeSeat(command.visibleTenant(), command.appointmentId(), command.patientId(), command.mode());
        createNew(Appointment.class, () -> new Appointment(booked));
        return booked;
    }

    /** The seat for a rescheduled appointment: the same rules as a booking, within the appointment's tenant. */
    @CommandHandler
    SlotFacts handle(MoveIn command) {
        if (seatHolders.contains(command.appointmentId())) {
            throw new SlotRejection(SlotRejection.Reason.INVALID, "The appointment is already in this slot");
        }
        takeSeat(command.tenantId(), command.appointmentId(), command.patientId(), command.mode());
        return new SlotFacts(slotId, tenantId, doctorId, clinicId, start, end, timezone);
    }

    /** A booking's rules: a patient holding a seat here takes it with their hold, anyone else needs a free one. */
    private void takeSeat(String visibleTenant, String appointmentId, String patientId, ConsultationMode mode) {
        requireBookable(visibleTenant);
        Optional<String> hold = holdOf(patientId);
        if (hold.isEmpty()) {
            requireFreeSeat();
        }
        if (!modes.contains(mode)) {
            throw new SlotRejection(SlotRejection.Reason.MODE_NOT_OFFERED,
                    "The slot does not offer " + mode.name().toLowerCase() + " consultations");
        }
        hold.ifPresent(holdId -> apply(new SlotHoldEnded(slotId, tenantId, doctorId, holdId, SlotHoldEnded.Outcome.BOOKED)));
        apply(new SlotSeatBooked(slotId, tenantId, appointmentId, seatHolders.size() + 1, capacity));
    }

    private void requireBookable(String visibleTenant) {
        if (visibleTenant != null && !visibleTenant.equals(tenantId)) {
            throw new SlotRejection(SlotRejection.Reason.NOT_VISIBLE, "No slot with id " + slotId);
        }
        if (outsideAvailability) {
            throw new SlotRejection(SlotRejection.Reason.UNAVAILABLE, "The doctor is no longer available at this time");
        }
    }

    /** Booked seats and other patients' holds all count as taken. */
    private void requireFreeSeat() {
        if (seatHolders.size() + holders.size() >= capacity) {
            throw new SlotRejection(SlotRejection.Reason.FULL, holders.isEmpty() ? "The slot is fully booked"
                    : "The slot is fully booked or held by patients checking out");
        }
    }

    private Optional<String> holdOf(String patientId) {
        return holders.entrySet().stream().filter(hold -> hold.getValue().equals(patientId)).map(Map.Entry::getKey)
                .findFirst();
    }

    @EventSourcingHandler
    void on(SlotPublished event) {
        slotId = event.slotId();
        tenantId = event.tenantId();
        doctorId = event.doctorId();
        clinicId = event.clinicId();
        start = event.start();
        end = event.end();
        timezone = event.timezone();
        capacity = event.capacity();
        modes = event.modes();
    }

    /**
     * Takes the slot out of the doctor's availability. A slot with bookings is never silently
     * removed: it is blocked, its appointments stand, and the answer says so, for the clinic to resolve.
     *
     * @return true when the slot was blocked rather than withdrawn
     */
    @CommandHandler
    boolean handle(WithdrawSlot command) {
        if (outsideAvailability) {
            return !seatHolders.isEmpty();
        }
        if (seatHolders.isEmpty()) {
            apply(new SlotWithdrawn(slotId, tenantId, doctorId));
            return false;
        }
        apply(new SlotBlocked(slotId, tenantId, doctorId, seatHolders.size()));
        return true;
    }

    @CommandHandler
    void handle(ReleaseSeat command) {
        if (seatHolders.contains(command.appointmentId())) {
            apply(new SlotSeatReleased(slotId, tenantId, command.appointmentId(), seatHolders.size() - 1, capacity,
                    !outsideAvailability));
        }
    }

    @EventSourcingHandler
    void on(SlotSeatBooked event) {
        seatHolders.add(event.appointmentId());
    }

    @EventSourcingHandler
    void on(SlotSeatReleased event) {
        seatHolders.remove(event.appointmentId());
    }

    @EventSourcingHandler
    void on(SlotSeatHeld event) {
        holders.put(event.holdId(), event.patientId());
    }

    @EventSourcingHandler
    void on(SlotHoldEnded event) {
        holders.remove(event.holdId());
    }

    @EventSourcingHandler
    void on(SlotWithdrawn event) {
        outsideAvailability = true;
    }

    @EventSourcingHandler
    void on(SlotBlocked event) {
        outsideAvailability = true;
    }

    @EventSourcingHandler
    void on(SlotReopened event) {
        outsideAvailability = false;
    }
}
