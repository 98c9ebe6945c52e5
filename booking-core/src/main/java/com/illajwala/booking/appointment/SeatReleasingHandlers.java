package com.illajwala.booking.appointment;

import com.illajwala.booking.appointment.AppointmentCommands.Cancel;
import com.illajwala.booking.appointment.AppointmentCommands.ExpireUnpaid;
import com.illajwala.booking.appointment.AppointmentCommands.MarkNoShow;
import com.illajwala.booking.appointment.AppointmentCommands.Reschedule;
import com.illajwala.booking.slot.SlotCommands.MoveIn;
import com.illajwala.booking.slot.SlotCommands.ReleaseSeat;
import com.illajwala.booking.slot.SlotCommands.SlotFacts;
import com.illajwala.booking.slot.SlotRejection;
import com.illajwala.events.appointment.AppointmentCancelled;
import com.illajwala.events.appointment.AppointmentMarkedNoShow;
import com.illajwala.events.appointment.AppointmentRescheduled;
import com.illajwala.booking.doctor.ClinicPolicies;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * The lifecycle steps that move seats: cancel, no-show, reschedule. The appointment decides; the slots' changes are sent
 * from inside the same unit of work, so Axon nests it and both aggregates' events commit in one
 * database transaction, or neither does: a seat is never both free and taken, nor lost.
 */
@Component
public class SeatReleasingHandlers {

    private final Repository<Appointment> appointments;
    private final CommandGateway commands;
    private final ClinicPolicies policies;

    public SeatReleasingHandlers(@Qualifier("appointmentRepository") Repository<Appointment> appointments,
                                 CommandGateway commands, ClinicPolicies policies) {
        this.appointments = appointments;
        this.commands = commands;
        this.policies = policies;
    }

    @CommandHandler
    public AppointmentCancelled handle(Cancel command) {
        Aggregate<Appointment> appointment = appointments.load(command.appointmentId());
        Duration notice = policies.cancellationNotice(appointment.invoke(Appointment::clinicId));
        AppointmentCancelled cancelled = appointment.invoke(a -> a.cancel(command, notice));
        commands.sendAndWait(new ReleaseSeat(cancelled.slotId(), cancelled.appointmentId()));
        return cancelled;
    }

    /** Takes the new seat first: a full or unavailable slot refuses, and the appointment keeps its seat. */
    @CommandHandler
    public AppointmentRescheduled handle(Reschedule command) {
        Aggregate<Appointment> appointment = appointments.load(command.appointmentId());
        Duration notice = policies.cancellationNotice(appointment.invoke(Appointment::clinicId));
        appointment.execute(a -> a.checkReschedule(command, notice));
        String fromSlot = appointment.invoke(Appointment::slotId);
        SlotFacts newSlot;
        try {
            newSlot = commands.sendAndWait(new MoveIn(command.slotId(), command.appointmentId(),
                    appointment.invoke(Appointment::patientId), appointment.invoke(Appointment::mode),
                    appointment.invoke(Appointment::tenantId)));
        } catch (AggregateNotFoundException e) {
            throw new SlotRejection(SlotRejection.Reason.NOT_VISIBLE, "No slot with id " + command.slotId());
        }
        commands.sendAndWait(new ReleaseSeat(fromSlot, command.appointmentId()));
        return appointment.invoke(a -> a.moveTo(newSlot));
    }

    /** Sent by the {@link PaymentSaga} when the payment window passes; a paid or cancelled appointment is left as it is. */
    @CommandHandler
    public void handle(ExpireUnpaid command) {
        appointments.load(command.appointmentId()).invoke(Appointment::expireUnpaid)
                .ifPresent(cancelled -> commands.sendAndWait(new ReleaseSeat(cancelled.slotId(), cancelled.appointmentId())));
    }

    @CommandHandler
    public AppointmentMarkedNoShow handle(MarkNoShow command) {
        AppointmentMarkedNoShow noShow = appointments.load(command.appointmentId()).invoke(a -> a.markNoShow(command));
        commands.sendAndWait(new ReleaseSeat(noShow.slotId(), noShow.appointmentId()));
        return noShow;
    }
}
