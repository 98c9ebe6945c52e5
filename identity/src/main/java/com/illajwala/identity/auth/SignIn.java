package com.illajwala.identity.auth;

import com.illajwala.identity.user.UserDocument;
import com.illajwala.identity.user.Users;
import com.illajwala.web.ApiException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.Optional;

/** Turns proof of identity (a password, a refresh token) into an access token and a refresh session. */
@Component
public class SignIn {

    /** Verified against when no account matches, so a wrong email takes as long as a wrong password. */
    private final String decoyHash;

    private final Users users;
    private final PasswordHasher hasher;
    private final AccessTokens tokens;
    private final RefreshSessions sessions;

    public SignIn(Users users, PasswordHasher hasher, AccessTokens tokens, RefreshSessions sessions) {
        this.users = users;
        this.hasher = hasher;
        this.tokens = tokens;
        this.sessions = sessions;
        this.decoyHash = hasher.hash(Secrets.random());
    }

    /** A signed-in session: the access token and the refresh token that renews it. */
    public record Session(String accessToken, String refreshToken, UserDocument user) {
    }

    public Mono<Session> withPassword(Optional<String> hostTenant, String email, String password) {
        return users.forSignIn(hostTenant, email)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(user -> {
                    String hash = user.map(UserDocument::passwordHash).orElse(null);
                    return Mono.fromCallable(() -> hasher.matches(password, hash == null ? decoyHash : hash) && hash != null)
                            .subscribeOn(Schedulers.boundedElastic())
                            .flatMap(matches -> matches ? start(user.get()) : Mono.error(() -> ApiException.unauthorized(
                                    "invalid_credentials", "The email or password is not right")));
                });
    }

    public Mono<Session> start(UserDocument user) {
        return sessions.start(user.id()).map(refresh -> new Session(tokens.issue(user.toCaller()), refresh, user));
    }

    /** Rotates the refresh token; a replayed one revokes its family and is refused like every other failure. */
    public Mono<Session> refresh(String refreshToken) {
        return sessions.rotate(refreshToken).flatMap(rotation -> switch (rotation.outcome()) {
            case ROTATED -> users.byId(rotation.userId())
                    .switchIfEmpty(Mono.error(() -> refused("The account no longer exists")))
                    .map(user -> new Session(tokens.issue(user.toCaller()), rotation.token(), user));
            case REUSED -> Mono.error(refused("This refresh token was already used; every session it belongs to is now signed out"));
            case EXPIRED, UNKNOWN -> Mono.error(refused("The session has ended; sign in again"));
        });
    }

    /** Signs the refresh token's device out. */
    public Mono<Void> revoke(String refreshToken) {
        return sessions.revoke(refreshToken);
    }

    private static ApiException refused(String message) {
        return ApiException.unauthorized("invalid_refresh_token", message);
    }
}
