package com.illajwala.booking.schedule;

import com.illajwala.events.schedule.DoctorRunningLate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One doctor's day ({@code {doctorId}:{date}}): what the clinic has announced about it. Patients are
 * told each new lateness once; the same figure announced twice tells nobody anything new.
 */
@Aggregate
public class DoctorDay {

    @AggregateIdentifier
    private String doctorDayId;
    private int announcedMinutes;

    protected DoctorDay() {
    }

    /** @return the event recorded, or null when the lateness was already announced */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    DoctorRunningLate handle(AnnounceRunningLate command) {
        if (command.minutes() < 1) {
            throw new IllegalArgumentException("A lateness is at least a minute");
        }
        if (doctorDayId != null && announcedMinutes == command.minutes()) {
            return null;
        }
        DoctorRunningLate late = new DoctorRunningLate(command.doctorId(), command.tenantId(), command.date(),
                command.minutes(), List.copyOf(command.appointmentIds()));
        apply(late);
        return late;
    }

    @EventSourcingHandler
    void on(DoctorRunningLate event) {
        doctorDayId = event.aggregateId();
        announcedMinutes = event.minutes();
    }
}
