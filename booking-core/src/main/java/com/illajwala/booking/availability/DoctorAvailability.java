package com.illajwala.booking.availability;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A doctor's availability rules at one clinic, and the slots they called for: new rules say which
 * slots to publish and which of the earlier ones to take away; each day the horizon rolls forward
 * and the rules call for the days that entered it.
 */
@Aggregate
public class DoctorAvailability {

    /**
     * Replaces the doctor's rules at the clinic.
     *
     * @param at when the rules were set: slots start from then on
     */
    public record SetAvailability(@TargetAggregateIdentifier String availabilityId, String tenantId, String doctorId,
                                  String clinicId, AvailabilityRules rules, Instant at) {

        public static SetAvailability of(String tenantId, String doctorId, String clinicId, AvailabilityRules rules,
                                         Instant at) {
            return new SetAvailability(DoctorAvailability.availabilityId(doctorId, clinicId), tenantId, doctorId, clinicId,
                    rules, at);
        }
    }

    /** Rolls the horizon forward to {@code at}: answers the slots the rules call for that were not yet called for. */
    public record RollHorizon(@TargetAggregateIdentifier String availabilityId, Instant at) {
    }

    @AggregateIdentifier
    private String availabilityId;
    private AvailabilityRules rules;
    private final Set<Instant> scheduled = new HashSet<>();

    protected DoctorAvailability() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    AvailabilitySet handle(SetAvailability command) {
        List<GeneratedSlot> slots = SlotGenerator.generate(command.rules(), command.at());
        // A slot inside the minimum notice is not offered any more, but it is not taken away either
        // while the new rules still call for it: it may have bookings.
        Set<Instant> starts = new HashSet<>();
        SlotGenerator.generate(command.rules().withoutNotice(), command.at()).forEach(slot -> starts.add(slot.start()));
        List<Instant> removed = scheduled.stream()
                .filter(start -> start.isAfter(command.at()) && !starts.contains(start))
                .sorted()
                .toList();
        AvailabilitySet set = new AvailabilitySet(command.availabilityId(), command.tenantId(), command.doctorId(),
                command.clinicId(), command.rules(), slots, removed);
        apply(set);
        return set;
    }

    @CommandHandler
    List<GeneratedSlot> handle(RollHorizon command) {
        List<GeneratedSlot> entered = SlotGenerator.generate(rules, command.at()).stream()
                .filter(slot -> !scheduled.contains(slot.start()))
                .toList();
        if (!entered.isEmpty()) {
            apply(new HorizonRolled(availabilityId, command.at(), entered));
        }
        return entered;
    }

    @EventSourcingHandler
    void on(AvailabilitySet event) {
        availabilityId = event.availabilityId();
        rules = event.rules();
        scheduled.clear();
        event.slots().forEach(slot -> scheduled.add(slot.start()));
    }

    @EventSourcingHandler
    void on(HorizonRolled event) {
        scheduled.removeIf(start -> start.isBefore(event.at()));
        event.slots().forEach(slot -> scheduled.add(slot.start()));
    }

    public static String availabilityId(String doctorId, String clinicId) {
        return UUID.nameUUIDFromBytes(("availability:" + doctorId + ":" + clinicId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
