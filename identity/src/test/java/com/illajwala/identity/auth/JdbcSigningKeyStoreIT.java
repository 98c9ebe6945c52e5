package com.illajwala.identity.auth;

import com.illajwala.infrastructure.InfrastructureResolver;
import com.illajwala.infrastructure.InfrastructureSettings;
import com.illajwala.web.access.Caller;
import com.illajwala.web.access.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Several instances over one PostgreSQL (the machine's where CI provides it, else an embedded one). */
class JdbcSigningKeyStoreIT {

    private static final Caller PATIENT = new Caller("user-1", "asha@example.com", Role.PATIENT, Caller.PLATFORM_TENANT, null);
    private static final byte[] SECRET = Secrets.random().getBytes(StandardCharsets.US_ASCII);

    private static InfrastructureResolver infrastructure;
    private static JdbcTemplate jdbc;
    private static TransactionTemplate transactions;

    @BeforeAll
    static void database() throws Exception {
        MockEnvironment environment = new MockEnvironment().withProperty("illajwala.infrastructure.isolate", "true");
        String server = System.getenv("ILLAJWALA_POSTGRES_URL");
        if (server != null) {
            environment.setProperty("illajwala.infrastructure.postgres-url", server);
        }
        infrastructure = new InfrastructureResolver(InfrastructureSettings.from(environment));
        InfrastructureResolver.PostgresAddress address = infrastructure.postgres();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(address.jdbcUrl(), address.user(), address.password());
        jdbc = new JdbcTemplate(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        jdbc.execute(new ClassPathResource("db/migration/V300__signing_key.sql").getContentAsString(StandardCharsets.UTF_8));
    }

    @AfterAll
    static void close() {
        infrastructure.close();
    }

    @BeforeEach
    void noKeys() {
        jdbc.update("DELETE FROM signing_key");
    }

    private static SigningKeys instance(byte[] secret) {
        return new SigningKeys(new JdbcSigningKeyStore(jdbc, transactions, secret, Clock.systemUTC()), Clock.systemUTC());
    }

    private static AccessTokens tokens(SigningKeys keys) {
        return new AccessTokens(keys, "https://illajwala.com", "illajwala-api", Duration.ofMinutes(15), Clock.systemUTC());
    }

    @Test
    void instancesShareOneKeySetAndAcceptEachOthersTokensAlsoAfterARestart() {
        SigningKeys first = instance(SECRET);
        SigningKeys second = instance(SECRET);

        assertThat(second.publicJwks().toString()).isEqualTo(first.publicJwks().toString());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM signing_key", Integer.class)).isEqualTo(1);
        String token = tokens(first).issue(PATIENT);
        assertThat(tokens(second).verify(token)).contains(PATIENT);
        assertThat(tokens(instance(SECRET)).verify(token)).as("an instance started afresh").contains(PATIENT);
        assertThat(jdbc.queryForObject("SELECT sealed_jwk FROM signing_key", String.class)).doesNotContain("\"d\"");
    }

    @Test
    void aRotationIsDoneOnceForAllInstancesAndTheOthersPickItUp() {
        SigningKeys first = instance(SECRET);
        SigningKeys second = instance(SECRET);
        String before = tokens(first).issue(PATIENT);
        jdbc.update("UPDATE signing_key SET created_at = ?", java.sql.Timestamp.from(Instant.now().minus(Duration.ofHours(25))));

        CompletableFuture.allOf(CompletableFuture.runAsync(() -> first.rotateIfDue(Duration.ofHours(24))),
                CompletableFuture.runAsync(() -> second.rotateIfDue(Duration.ofHours(24)))).join();

        assertThat(jdbc.queryForObject("SELECT count(*) FROM signing_key", Integer.class)).isEqualTo(2);
        first.reload();
        assertThat(first.publicJwks().toString()).isEqualTo(second.publicJwks().toString());
        String after = tokens(first).issue(PATIENT);
        assertThat(tokens(second).verify(after)).contains(PATIENT);
        assertThat(tokens(second).verify(before)).as("signed before the rotation").contains(PATIENT);
    }

    @Test
    void aTokenSignedWithAKeyAnotherInstanceJustMadeIsAcceptedWithoutWaitingForTheNextReload() {
        SigningKeys first = instance(SECRET);
        AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
        SigningKeys second = new SigningKeys(new JdbcSigningKeyStore(jdbc, transactions, SECRET, Clock.systemUTC()), new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        });
        first.rotate();
        String token = tokens(first).issue(PATIENT);

        assertThat(tokens(second).verify(token)).as("just after a reload, an unknown key id reads nothing").isEmpty();
        now.set(now.get().plusSeconds(6));
        assertThat(tokens(second).verify(token)).contains(PATIENT);
    }

    @Test
    void underAnotherSecretTheOldKeysArePassedOverAndANewOneIsMade() {
        String token = tokens(instance(SECRET)).issue(PATIENT);
        SigningKeys other = instance(Secrets.random().getBytes(StandardCharsets.US_ASCII));

        assertThat(tokens(other).verify(token)).isEmpty();
        assertThat(tokens(other).verify(tokens(other).issue(PATIENT))).contains(PATIENT);
        assertThat(other.publicJwks().getKeys()).hasSize(1);
    }

    @Test
    void onlyTheKeysStillVerifyingAreKept() {
        SigningKeys keys = instance(SECRET);
        for (int i = 0; i < 5; i++) {
            keys.rotate();
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM signing_key", Integer.class)).isEqualTo(SigningKeys.KEPT_KEYS);
        assertThat(keys.publicJwks().getKeys()).hasSize(SigningKeys.KEPT_KEYS);
    }
}
