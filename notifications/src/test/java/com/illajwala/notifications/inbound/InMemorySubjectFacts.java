package com.illajwala.notifications.inbound;

import com.illajwala.events.IllajwalaEvent;
import com.illajwala.events.appointment.AppointmentBooked;
import com.illajwala.events.appointment.AppointmentRescheduled;
import com.illajwala.events.waitlist.WaitlistJoined;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** {@link SubjectFacts} in maps, for planner tests. */
final class InMemorySubjectFacts implements SubjectFacts {

    private final Map<String, Appointment> appointments = new HashMap<>();
    private final Map<String, WaitlistEntry> entries = new HashMap<>();

    @Override
    public void remember(IllajwalaEvent event) {
        if (event instanceof AppointmentBooked booked) {
            appointments.putIfAbsent(booked.appointmentId(), new Appointment(booked.appointmentId(), booked.tenantId(),
                    booked.patientId(), booked.doctorId(), booked.clinicId(), booked.start(), booked.end(), booked.timezone()));
        } else if (event instanceof AppointmentRescheduled moved) {
            appointments.computeIfPresent(moved.appointmentId(), (id, known) -> new Appointment(id, known.tenantId(),
                    known.patientId(), moved.doctorId(), moved.clinicId(), moved.start(), moved.end(), moved.timezone()));
        } else if (event instanceof WaitlistJoined joined) {
            entries.putIfAbsent(joined.entryId(), new WaitlistEntry(joined.entryId(), joined.tenantId(), joined.patientId(),
                    joined.clinicId(), joined.doctorId()));
        }
    }

    @Override
    public Optional<Appointment> appointment(String appointmentId) {
        return Optional.ofNullable(appointments.get(appointmentId));
    }

    @Override
    public Optional<WaitlistEntry> waitlistEntry(String entryId) {
        return Optional.ofNullable(entries.get(entryId));
    }
}
