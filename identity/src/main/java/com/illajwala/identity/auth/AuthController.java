package com.illajwala.identity.auth;

import com.illajwala.identity.otp.OtpService;
import com.illajwala.identity.security.StreamTickets;
import com.illajwala.identity.user.UserAccounts;
import com.illajwala.identity.user.UserAccounts.NewAccount;
import com.illajwala.identity.user.UserDocument;
import com.illajwala.identity.user.Users;
import com.illajwala.web.ApiException;
import com.illajwala.web.ApiResponse;
import com.illajwala.web.access.Caller;
import com.illajwala.web.access.HostTenant;
import com.illajwala.web.access.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * Registration, sign-in, refresh, sign-out and the caller's own account. The refresh token travels
 * only in an HttpOnly, Secure, SameSite=Strict cookie scoped to {@code /api/auth}; the access token
 * only in response bodies and Authorization headers.
 */
@RestController
class AuthController {

    static final String REFRESH_COOKIE = "illajwala_refresh";
    private static final String PHONE = "\\+[1-9][0-9]{7,14}";
    private static final String COOKIE_PATH = "/api/auth";

    private final SignIn signIn;
    private final UserAccounts accounts;
    private final Users users;
    private final AccessTokens tokens;
    private final StreamTickets tickets;
    private final OtpService otp;

    AuthController(SignIn signIn, UserAccounts accounts, Users users, AccessTokens tokens, StreamTickets tickets,
                   OtpService otp) {
        this.otp = otp;
        this.signIn = signIn;
        this.accounts = accounts;
        this.users = users;
        this.tokens = tokens;
        this.tickets = tickets;
    }

    /** Self-registration opens a patient account: doctors and staff are onboarded by their clinic. */
    record RegisterRequest(
            @NotBlank @Size(max = 120) String name,
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(min = 10, max = 128) String password,
            @Pattern(regexp = PHONE, message = "must be an E.164 number such as +919812345678") String phone) {
    }

    record LoginRequest(@NotBlank @Email @Size(max = 254) String email, @NotBlank @Size(max = 128) String password) {
    }

    /** The caller's account as they may see it: no password hash. */
    record AccountView(String id, @Nullable String name, @Nullable String email, @Nullable String phone, Role role,
                       String tenantId, @Nullable String clinicId) {

        static AccountView of(UserDocument user) {
            return new AccountView(user.id(), user.name(), user.email(), user.phone(), user.role(), user.tenantId(),
                    user.clinicId());
        }
    }

    /** @param expiresIn seconds until the access token expires */
    record SessionView(String accessToken, String tokenType, long expiresIn, AccountView user) {
    }

    record StreamTicketView(String ticket, long expiresIn) {
    }

    record OtpRequest(@NotBlank @Pattern(regexp = PHONE, message = "must be an E.164 number such as +919812345678") String phone) {
    }

    record OtpVerifyRequest(@NotBlank @Pattern(regexp = PHONE, message = "must be an E.164 number such as +919812345678") String phone,
                            @NotBlank @Pattern(regexp = "[0-9]{6}", message = "must be the six digits sent") String code) {
    }

    /** Sends a six-digit code by SMS; the same answer whether or not the number has an account. */
    @PostMapping("/api/auth/otp/request")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<ApiResponse<Void>> requestOtp(@Valid @RequestBody OtpRequest request) {
        return otp.request(request.phone()).map(outcome -> switch (outcome.status()) {
            case SENT -> new ApiResponse<>(true, null, null, "A code is on its way");
            case TOO_SOON, SEND_CAPPED -> throw ApiException.tooManyRequests(outcome.retryAfter());
        });
    }

    /** Signs a patient in with the code; a number seen for the first time gets a new patient account. */
    @PostMapping("/api/auth/otp/verify")
    Mono<ApiResponse<SessionView>> verifyOtp(@Valid @RequestBody OtpVerifyRequest request, ServerHttpResponse response) {
        return otp.verify(request.phone(), request.code())
                .flatMap(verification -> switch (verification) {
                    case VERIFIED -> users.patientByPhone(request.phone())
                            .switchIfEmpty(Mono.defer(() -> accounts.open(new NewAccount(null, Caller.PLATFORM_TENANT,
                                    Role.PATIENT, null, null, request.phone(), null, null))));
                    case WRONG_CODE -> Mono.error(ApiException.unauthorized("invalid_code", "The code is not right"));
                    case EXPIRED_OR_MISSING -> Mono.error(ApiException.unauthorized("code_expired",
                            "The code has expired or was used; ask for a new one"));
                    case ATTEMPTS_EXHAUSTED -> Mono.error(ApiException.unauthorized("attempts_exhausted",
                            "Too many wrong codes; ask for a new one"));
                })
                .flatMap(signIn::start)
                .map(session -> answer(session, response));
    }

    @PostMapping("/api/auth/register")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ApiResponse<SessionView>> register(@Valid @RequestBody RegisterRequest request, ServerHttpResponse response) {
        return accounts.open(new NewAccount(null, Caller.PLATFORM_TENANT, Role.PATIENT, request.name().trim(),
                        request.email().toLowerCase(java.util.Locale.ROOT), request.phone(), request.password(), null))
                .flatMap(signIn::start)
                .map(session -> answer(session, response));
    }

    @PostMapping("/api/auth/login")
    Mono<ApiResponse<SessionView>> login(@Valid @RequestBody LoginRequest request, HostTenant host,
                                         ServerHttpResponse response) {
        return signIn.withPassword(host.tenantId(), request.email(), request.password())
                .map(session -> answer(session, response));
    }

    @PostMapping("/api/auth/refresh")
    Mono<ApiResponse<SessionView>> refresh(ServerHttpRequest request, ServerHttpResponse response) {
        HttpCookie cookie = request.getCookies().getFirst(REFRESH_COOKIE);
        if (cookie == null) {
            return Mono.error(ApiException.unauthorized("invalid_refresh_token", "No refresh token was sent"));
        }
        return signIn.refresh(cookie.getValue())
                .map(session -> answer(session, response))
                .doOnError(ApiException.class, e -> response.addCookie(refreshCookie("", Duration.ZERO)));
    }

    @PostMapping("/api/auth/logout")
    Mono<ApiResponse<Void>> logout(ServerHttpRequest request, ServerHttpResponse response) {
        HttpCookie cookie = request.getCookies().getFirst(REFRESH_COOKIE);
        response.addCookie(refreshCookie("", Duration.ZERO));
        Mono<Void> revoked = cookie == null ? Mono.empty() : signIn.revoke(cookie.getValue());
        return revoked.thenReturn(new ApiResponse<>(true, null, null, "Signed out"));
    }

    @GetMapping("/api/auth/me")
    Mono<ApiResponse<AccountView>> me(Caller caller) {
        return users.byId(caller.userId())
                .switchIfEmpty(Mono.error(() -> ApiException.unauthorized("unauthenticated", "The account no longer exists")))
                .map(user -> ApiResponse.ok(AccountView.of(user)));
    }

    /** A single-use ticket to open one event stream with ({@code ?ticket=}), for browsers' EventSource. */
    @PostMapping("/api/stream/tickets")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ApiResponse<StreamTicketView>> streamTicket(Caller caller) {
        return tickets.issue(caller).map(ticket -> ApiResponse.ok(
                new StreamTicketView(ticket, StreamTickets.LIFETIME.toSeconds())));
    }

    private ApiResponse<SessionView> answer(SignIn.Session session, ServerHttpResponse response) {
        response.addCookie(refreshCookie(session.refreshToken(), RefreshSessions.LIFETIME));
        return ApiResponse.ok(new SessionView(session.accessToken(), "Bearer", tokens.lifetime().toSeconds(),
                AccountView.of(session.user())));
    }

    private static ResponseCookie refreshCookie(String value, Duration maxAge) {
        return ResponseCookie.from(REFRESH_COOKIE, value)
                .httpOnly(true).secure(true).sameSite("Strict").path(COOKIE_PATH).maxAge(maxAge).build();
    }
}
