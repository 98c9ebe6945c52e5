package com.illajwala.identity.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The ES256 keys access tokens are signed with, one set for every instance: the newest signs, the
 * newest three verify, so a token outlives two rotations. Rotation happens once for all instances
 * (the store adds a key only when its newest is old enough); each instance picks new keys up when it
 * next reloads — every minute, and at once when a token names a key it does not hold yet.
 */
public final class SigningKeys {

    static final int KEPT_KEYS = 3;
    /** An unknown key id reloads the keys at most this often: made-up ids cannot turn every request into a read. */
    private static final Duration RELOAD_FOR_UNKNOWN_AT_MOST_EVERY = Duration.ofSeconds(5);

    /** Where the keys are kept. */
    public interface Store {

        /** The newest keys, newest first, at most {@code count}. */
        List<ECKey> newest(int count);

        /** Adds the key {@code fresh} makes, unless the newest key is younger than {@code unlessWithin}. */
        void add(Supplier<ECKey> fresh, Duration unlessWithin);
    }

    private final Store store;
    private final Clock clock;
    private volatile List<ECKey> keys = List.of();
    private volatile Instant reloadedAt = Instant.EPOCH;

    public SigningKeys(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
        reload();
    }

    /** Signs from now on with a fresh key, whatever the age of the newest. */
    public void rotate() {
        store.add(SigningKeys::generate, Duration.ZERO);
        reload();
    }

    /** Rotates unless another instance did within the last half interval; every instance may call it every interval. */
    public void rotateIfDue(Duration interval) {
        store.add(SigningKeys::generate, interval.dividedBy(2));
        reload();
    }

    public void reload() {
        List<ECKey> newest = store.newest(KEPT_KEYS);
        if (newest.isEmpty()) { // a first start, or only keys sealed under a secret no longer given
            store.add(SigningKeys::generate, Duration.ZERO);
            newest = store.newest(KEPT_KEYS);
        }
        keys = List.copyOf(newest);
        reloadedAt = clock.instant();
    }

    ECKey current() {
        List<ECKey> known = keys;
        if (known.isEmpty()) {
            throw new IllegalStateException("No signing key");
        }
        return known.get(0);
    }

    Optional<ECKey> byId(String keyId) {
        Optional<ECKey> known = find(keyId);
        if (known.isEmpty() && reloadedAt.plus(RELOAD_FOR_UNKNOWN_AT_MOST_EVERY).isBefore(clock.instant())) {
            reload();
            return find(keyId);
        }
        return known;
    }

    private Optional<ECKey> find(String keyId) {
        return keys.stream().filter(key -> key.getKeyID().equals(keyId)).findFirst();
    }

    /** The public halves of every key still accepted, as served at /.well-known/jwks.json. */
    public JWKSet publicJwks() {
        return new JWKSet(keys.stream().map(key -> (com.nimbusds.jose.jwk.JWK) key.toPublicJWK()).toList());
    }

    private static ECKey generate() {
        try {
            return new ECKeyGenerator(Curve.P_256)
                    .keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an ES256 key", e);
        }
    }
}
