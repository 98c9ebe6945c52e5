package com.illajwala.identity.user;

import com.illajwala.identity.auth.PasswordHasher;
import com.illajwala.web.access.Role;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.util.UUID;

/** Opens accounts: hashes the password (off the event loop: Argon2id takes tens of milliseconds) and stores the user. */
@Component
public class UserAccounts {

    private final Users users;
    private final PasswordHasher hasher;
    private final Clock clock;

    public UserAccounts(Users users, PasswordHasher hasher) {
        this.users = users;
        this.hasher = hasher;
        this.clock = Clock.systemUTC();
    }

    /** What a new account is made of; {@code id} null for a fresh one, {@code password} null for phone-only patients. */
    public record NewAccount(String id, String tenantId, Role role, String name, String email, String phone,
                             String password, String clinicId) {
    }

    public Mono<UserDocument> open(NewAccount account) {
        Mono<String> hash = account.password() == null ? Mono.just("")
                : Mono.fromCallable(() -> hasher.hash(account.password())).subscribeOn(Schedulers.boundedElastic());
        return hash.flatMap(passwordHash -> users.insert(UserDocument.create(
                account.id() == null ? UUID.randomUUID().toString() : account.id(), account.tenantId(), account.role(),
                account.name(), account.email(), account.phone(), passwordHash.isEmpty() ? null : passwordHash,
                account.clinicId(), clock.instant())));
    }
}
