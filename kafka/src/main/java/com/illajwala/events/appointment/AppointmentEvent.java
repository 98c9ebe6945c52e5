package com.illajwala.events.appointment;

import com.illajwala.events.IllajwalaEvent;

/** Events of the Appointment aggregate. */
public sealed interface AppointmentEvent extends IllajwalaEvent permits AppointmentBooked {

    String appointmentId();

    @Override
    default String aggregateId() {
        return appointmentId();
    }
}
