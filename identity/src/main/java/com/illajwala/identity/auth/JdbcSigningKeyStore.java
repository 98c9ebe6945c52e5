package com.illajwala.identity.auth;

import com.nimbusds.jose.jwk.ECKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The signing keys in PostgreSQL, shared by every instance, each private half sealed under the
 * secret every instance is given ({@link KeySeal}). Adding takes a transaction-scoped advisory lock,
 * so two instances rotating at once add one key, not two. A key sealed under another secret is
 * passed over: after the secret changes, a new key is made and earlier tokens are no longer accepted.
 */
public final class JdbcSigningKeyStore implements SigningKeys.Store {

    private static final Logger log = LoggerFactory.getLogger(JdbcSigningKeyStore.class);
    /** The advisory lock's key: {@code hashtext('signing_key')} would do, a constant reads plainer. */
    private static final long ROTATION_LOCK = 0x5167_6e69_6e67L;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final KeySeal seal;
    private final Clock clock;
    private final Set<String> passedOver = ConcurrentHashMap.newKeySet();

    public JdbcSigningKeyStore(JdbcTemplate jdbc, TransactionTemplate transactions, byte[] secret, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.seal = new KeySeal(secret);
        this.clock = clock;
    }

    @Override
    public List<ECKey> newest(int count) {
        return jdbc.query("SELECT key_id, sealed_jwk FROM signing_key ORDER BY created_at DESC LIMIT ?",
                        (row, index) -> open(row.getString("key_id"), row.getString("sealed_jwk")), count).stream()
                .flatMap(Optional::stream)
                .toList();
    }

    @Override
    public void add(Supplier<ECKey> fresh, Duration unlessWithin) {
        transactions.executeWithoutResult(status -> {
            jdbc.queryForList("SELECT pg_advisory_xact_lock(?)", ROTATION_LOCK);
            Instant now = clock.instant();
            Timestamp newest = jdbc.queryForObject("SELECT max(created_at) FROM signing_key", Timestamp.class);
            if (newest != null && !unlessWithin.isZero() && newest.toInstant().plus(unlessWithin).isAfter(now)) {
                return;
            }
            ECKey key = fresh.get();
            jdbc.update("INSERT INTO signing_key (key_id, created_at, sealed_jwk) VALUES (?, ?, ?)",
                    key.getKeyID(), Timestamp.from(now), seal.seal(key.toJSONString()));
            // the oldest beyond those still verifying are no use to anyone
            jdbc.update("DELETE FROM signing_key WHERE key_id NOT IN "
                    + "(SELECT key_id FROM signing_key ORDER BY created_at DESC LIMIT ?)", SigningKeys.KEPT_KEYS);
        });
    }

    private Optional<ECKey> open(String keyId, String sealed) {
        Optional<String> jwk = seal.open(sealed);
        if (jwk.isEmpty()) {
            if (passedOver.add(keyId)) {
                log.warn("Signing key {} is sealed under another secret than the one configured; it is passed over", keyId);
            }
            return Optional.empty();
        }
        try {
            return Optional.of(ECKey.parse(jwk.get()));
        } catch (ParseException e) {
            throw new IllegalStateException("Signing key " + keyId + " is not a JWK", e);
        }
    }
}
