package com.illajwala.booking.appointment;

import com.illajwala.booking.appointment.AppointmentCommands.Cancel;
import com.illajwala.booking.appointment.AppointmentCommands.MarkNoShow;
import com.illajwala.booking.slot.SlotCommands.ReleaseSeat;
import com.illajwala.events.appointment.AppointmentCancelled;
import com.illajwala.events.appointment.AppointmentMarkedNoShow;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The lifecycle steps that give a seat back. The appointment decides; the slot's release is sent
 * from inside the same unit of work, so Axon nests it and both aggregates' events commit in one
 * database transaction, or neither does: a seat is never both free and taken, nor lost.
 */
@Component
public class SeatReleasingHandlers {

    private final Repository<Appointment> appointments;
    private final CommandGateway commands;

    public SeatReleasingHandlers(@Qualifier("appointmentRepository") Repository<Appointment> appointments,
                                 CommandGateway commands) {
        this.appointments = appointments;
        this.commands = commands;
    }

    @CommandHandler
    public AppointmentCancelled handle(Cancel command) {
        AppointmentCancelled cancelled = appointments.load(command.appointmentId()).invoke(a -> a.cancel(command));
        commands.sendAndWait(new ReleaseSeat(cancelled.slotId(), cancelled.appointmentId()));
        return cancelled;
    }

    @CommandHandler
    public AppointmentMarkedNoShow handle(MarkNoShow command) {
        AppointmentMarkedNoShow noShow = appointments.load(command.appointmentId()).invoke(a -> a.markNoShow(command));
        commands.sendAndWait(new ReleaseSeat(noShow.slotId(), noShow.appointmentId()));
        return noShow;
    }
}
