package com.illajwala.identity.doctor;

import com.illajwala.events.ConsultationMode;
import com.illajwala.events.identity.DoctorOnboarded;
import com.illajwala.events.identity.DoctorVerified;
import com.illajwala.identity.IdentityConflict;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A doctor's public profile and whether the platform has verified them. */
@Aggregate
public class Doctor {

    /** Adds a doctor to a tenant, unverified; onboarding the same doctor again changes nothing. */
    public record OnboardDoctor(@TargetAggregateIdentifier String doctorId, String tenantId, String name,
                                String specialization, List<String> languages, Set<ConsultationMode> modes,
                                List<String> clinicIds, BigDecimal fee, String currency) {

        DoctorOnboarded toEvent() {
            return new DoctorOnboarded(doctorId, tenantId, name, specialization, List.copyOf(languages),
                    Set.copyOf(modes), List.copyOf(clinicIds), fee.setScale(2, java.math.RoundingMode.HALF_UP), currency);
        }
    }

    /** A platform admin's verification; verifying twice changes nothing. */
    public record VerifyDoctor(@TargetAggregateIdentifier String doctorId) {
    }

    @AggregateIdentifier
    private String doctorId;
    private String tenantId;
    private DoctorOnboarded profile;
    private boolean verified;

    protected Doctor() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(OnboardDoctor command) {
        DoctorOnboarded event = command.toEvent();
        if (doctorId != null) {
            if (profile.equals(event)) {
                return;
            }
            throw new IdentityConflict("doctor_exists", "A different doctor " + command.doctorId() + " exists");
        }
        apply(event);
    }

    @CommandHandler
    void handle(VerifyDoctor command) {
        if (!verified) {
            apply(new DoctorVerified(doctorId, tenantId));
        }
    }

    @EventSourcingHandler
    void on(DoctorOnboarded event) {
        doctorId = event.doctorId();
        tenantId = event.tenantId();
        profile = event;
    }

    @EventSourcingHandler
    void on(DoctorVerified event) {
        verified = true;
    }
}
