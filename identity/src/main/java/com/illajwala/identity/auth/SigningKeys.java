package com.illajwala.identity.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The ES256 keys tokens are signed with, generated at start (no key is ever in the repository).
 * Rotation signs with a new key while the previous ones stay published in the JWKS and keep
 * verifying, so nobody is logged out by it.
 */
public final class SigningKeys {

    private static final int KEPT_KEYS = 3;

    private final List<ECKey> keys = new ArrayList<>();

    public SigningKeys() {
        rotate();
    }

    /** Signs from now on with a fresh key; the oldest beyond the last three is dropped. */
    public synchronized void rotate() {
        try {
            keys.add(0, new ECKeyGenerator(Curve.P_256)
                    .keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .generate());
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an ES256 key", e);
        }
        while (keys.size() > KEPT_KEYS) {
            keys.remove(keys.size() - 1);
        }
    }

    synchronized ECKey current() {
        return keys.get(0);
    }

    synchronized Optional<ECKey> byId(String keyId) {
        return keys.stream().filter(key -> key.getKeyID().equals(keyId)).findFirst();
    }

    /** The public halves of every key still accepted, as served at /.well-known/jwks.json. */
    public synchronized JWKSet publicJwks() {
        return new JWKSet(keys.stream().map(key -> (com.nimbusds.jose.jwk.JWK) key.toPublicJWK()).toList());
    }
}
