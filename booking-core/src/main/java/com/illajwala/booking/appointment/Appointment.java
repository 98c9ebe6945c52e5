package com.illajwala.booking.appointment;

import com.illajwala.events.appointment.AppointmentBooked;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A patient's appointment in a slot. Created by the {@link com.illajwala.booking.slot.Slot} whose seat it takes. */
@Aggregate
public class Appointment {

    @AggregateIdentifier
    private String appointmentId;

    protected Appointment() {
    }

    public Appointment(AppointmentBooked booked) {
        apply(booked);
    }

    @EventSourcingHandler
    void on(AppointmentBooked event) {
        appointmentId = event.appointmentId();
    }
}
