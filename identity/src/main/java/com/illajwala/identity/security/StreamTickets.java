package com.illajwala.identity.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.illajwala.identity.auth.Secrets;
import com.illajwala.web.access.Caller;
import com.illajwala.web.access.Role;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * Short-lived, single-use tickets that authenticate one {@code EventSource} connection, which
 * cannot send an Authorization header. A ticket names its caller for {@link #LIFETIME} and is
 * gone once redeemed; Redis keeps only a hash of it, under {@code ticket:{hash}}.
 */
public final class StreamTickets {

    public static final Duration LIFETIME = Duration.ofSeconds(60);

    private final ReactiveStringRedisTemplate redis;
    private final ObjectMapper json;

    public StreamTickets(ReactiveStringRedisTemplate redis, ObjectMapper json) {
        this.redis = redis;
        this.json = json;
    }

    public Mono<String> issue(Caller caller) {
        String ticket = Secrets.random();
        String value;
        try {
            value = json.writeValueAsString(new Holder(caller.userId(), caller.email(), caller.role(), caller.tenantId(),
                    caller.clinicId()));
        } catch (JsonProcessingException e) {
            return Mono.error(e);
        }
        return redis.opsForValue().set(key(ticket), value, LIFETIME).thenReturn(ticket);
    }

    /** The caller the ticket was issued to, once; empty for an unknown, expired or used ticket. */
    public Mono<Caller> redeem(String ticket) {
        return redis.opsForValue().getAndDelete(key(ticket)).flatMap(value -> {
            try {
                Holder holder = json.readValue(value, Holder.class);
                return Mono.just(new Caller(holder.userId(), holder.email(), holder.role(), holder.tenantId(),
                        holder.clinicId()));
            } catch (JsonProcessingException e) {
                return Mono.empty();
            }
        });
    }

    /** Exactly the caller's fields, stored with the ticket. */
    private record Holder(String userId, String email, Role role, String tenantId, String clinicId) {
    }

    private static String key(String ticket) {
        return "ticket:" + Secrets.sha256(ticket);
    }
}
