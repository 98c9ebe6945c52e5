package com.illajwala.booking.availability;

import com.illajwala.booking.availability.DoctorAvailability.SetAvailability;
import com.illajwala.booking.slot.SlotCommands;
import com.illajwala.booking.slot.SlotCommands.WithdrawSlot;
import com.illajwala.eventstore.command.CommandDispatcher;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Sets a doctor's availability at a clinic: the slots the rules call for are published at once;
 * slots they no longer call for are withdrawn, or blocked when they have bookings. From then on
 * {@link HorizonSaga} rolls the horizon each day.
 */
@Component
public class Availabilities {

    private final CommandDispatcher commands;
    private final EventStore events;

    Availabilities(CommandDispatcher commands, EventStore events) {
        this.commands = commands;
        this.events = events;
    }

    /**
     * What the change did: the slots the rules call for (all published), how many earlier ones were
     * withdrawn, and the {@code blocked} ones that keep their bookings until the clinic moves or cancels them.
     */
    public record AvailabilityResult(int slots, int withdrawn, List<String> blocked) {
    }

    public Mono<AvailabilityResult> set(String tenantId, String doctorId, String clinicId, AvailabilityRules rules) {
        return commands.<AvailabilitySet>send(SetAvailability.of(tenantId, doctorId, clinicId, rules, Instant.now()))
                .flatMap(set -> apply(set, doctorId, clinicId));
    }

    /** The rules last set for the doctor at the clinic; empty when none were. */
    public Mono<AvailabilityRules> current(String doctorId, String clinicId) {
        return Mono.fromCallable(() -> {
                    AvailabilityRules last = null;
                    var stream = events.readEvents(DoctorAvailability.availabilityId(doctorId, clinicId));
                    while (stream.hasNext()) {
                        if (stream.next().getPayload() instanceof AvailabilitySet set) {
                            last = set.rules();
                        }
                    }
                    return last;
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    private Mono<AvailabilityResult> apply(AvailabilitySet set, String doctorId, String clinicId) {
        String timezone = set.rules().timezone();
        Mono<Void> published = Flux.fromIterable(set.slots())
                .flatMap(slot -> commands.send(slot.publication(set.tenantId(), doctorId, clinicId, timezone)), 8)
                .then();
        Mono<List<Boolean>> withdrawn = Flux.fromIterable(set.removed())
                .concatMap(start -> commands.<Boolean>send(new WithdrawSlot(SlotCommands.slotId(doctorId, clinicId, start))))
                .collectList();
        return published.then(withdrawn).map(outcomes -> {
            List<String> blocked = new ArrayList<>();
            for (int i = 0; i < outcomes.size(); i++) {
                if (outcomes.get(i)) {
                    blocked.add(SlotCommands.slotId(doctorId, clinicId, set.removed().get(i)));
                }
            }
            return new AvailabilityResult(set.slots().size(), outcomes.size() - blocked.size(), blocked);
        });
    }
}
