package com.illajwala.booking.slot;

import com.illajwala.booking.slot.SlotCommands.HoldSeat;
import com.illajwala.eventstore.command.CommandDispatcher;
import com.illajwala.events.slot.SlotSeatHeld;
import com.illajwala.web.ApiException;
import com.illajwala.web.ApiResponse;
import com.illajwala.web.access.Caller;
import com.illajwala.web.access.HostTenant;
import com.illajwala.web.access.Role;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Holds a seat while the patient checks out. The slot aggregate is the guarantee; the Redis key
 * {@code lock:slot:{doctorId}:{start}} (with the hold's TTL) only tells other services and
 * instances that the slot is being checked out, and is skipped if Redis is down.
 */
@RestController
class SlotHoldController {

    private static final Logger log = LoggerFactory.getLogger(SlotHoldController.class);

    private final CommandDispatcher commands;
    private final ReactiveStringRedisTemplate redis;
    private final Duration holdDuration;

    SlotHoldController(CommandDispatcher commands, ReactiveStringRedisTemplate redis,
                       @Value("${illajwala.booking.hold-duration:10m}") Duration holdDuration) {
        this.commands = commands;
        this.redis = redis;
        this.holdDuration = holdDuration;
    }

    @PostMapping("/api/slots/{slotId}/hold")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ApiResponse<SlotSeatHeld>> hold(@PathVariable String slotId, Caller caller, HostTenant host) {
        caller.requireRole(Role.PATIENT);
        HoldSeat command = new HoldSeat(slotId, UUID.randomUUID().toString(), caller.userId(),
                host.tenantId().orElse(null), holdDuration, Instant.now());
        return commands.<SlotSeatHeld>send(command)
                .flatMap(held -> courtesyLock(held).thenReturn(held))
                .map(ApiResponse::ok)
                .onErrorMap(AggregateNotFoundException.class,
                        e -> ApiException.notFound("slot_not_found", "No slot with id " + slotId))
                .onErrorMap(SlotRejection.class, SlotRejections::toApiException);
    }

    private Mono<Void> courtesyLock(SlotSeatHeld held) {
        if (held.expiresAt() == null) {
            return Mono.empty();
        }
        Duration ttl = Duration.between(Instant.now(), held.expiresAt());
        return redis.opsForValue()
                .setIfAbsent("lock:slot:" + held.doctorId() + ":" + held.start(), held.patientId(), ttl)
                .timeout(Duration.ofSeconds(1))
                .onErrorResume(e -> {
                    log.warn("Courtesy lock for slot {} not written", held.slotId(), e);
                    return Mono.just(false);
                })
                .then();
    }
}
