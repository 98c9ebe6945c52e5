package com.illajwala.identity.auth;

import com.nimbusds.jose.jwk.ECKey;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Signing keys for one process's tests: always adds, newest first. */
final class InMemoryKeyStore implements SigningKeys.Store {

    private final List<ECKey> keys = new ArrayList<>();

    @Override
    public synchronized List<ECKey> newest(int count) {
        return List.copyOf(keys.subList(0, Math.min(count, keys.size())));
    }

    @Override
    public synchronized void add(Supplier<ECKey> fresh, Duration unlessWithin) {
        keys.add(0, fresh.get());
    }
}
