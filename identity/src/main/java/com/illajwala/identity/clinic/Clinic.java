package com.illajwala.identity.clinic;

import com.illajwala.events.identity.ClinicRegistered;
import com.illajwala.events.identity.WaitlistPolicy;
import com.illajwala.identity.IdentityConflict;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A clinic's public facts: what booking and search need, in particular its time zone and booking policy. */
@Aggregate
public class Clinic {

    /** Registers a clinic; registering the same clinic again changes nothing. */
    public record RegisterClinic(@TargetAggregateIdentifier String clinicId, String tenantId, String name, String slug,
                                 String timezone, String city, int cancellationNoticeHours,
                                 List<Integer> reminderHoursBefore, WaitlistPolicy waitlistPolicy) {

        ClinicRegistered toEvent() {
            return new ClinicRegistered(clinicId, tenantId, name, slug, timezone, city, cancellationNoticeHours,
                    List.copyOf(reminderHoursBefore), waitlistPolicy);
        }
    }

    @AggregateIdentifier
    private String clinicId;
    private ClinicRegistered registered;

    protected Clinic() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RegisterClinic command) {
        ClinicRegistered event = command.toEvent();
        if (clinicId != null) {
            if (registered.equals(event)) {
                return;
            }
            throw new IdentityConflict("clinic_exists", "A different clinic " + command.clinicId() + " exists");
        }
        apply(event);
    }

    @EventSourcingHandler
    void on(ClinicRegistered event) {
        clinicId = event.clinicId();
        registered = event;
    }
}
