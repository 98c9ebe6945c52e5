package com.illajwala.identity.ratelimit;

import com.illajwala.identity.security.AuthenticationFilter;
import com.illajwala.web.ApiException;
import com.illajwala.web.access.Caller;
import com.illajwala.web.access.RequestIdentityArguments;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Limits sign-in, one-time passcodes, registration, booking, holds and search per caller, or per
 * address for anonymous requests: over the limit, a 429 with {@code Retry-After}. Behind a
 * reverse proxy, set {@code server.forward-headers-strategy=framework} so the address is the
 * client's, not the proxy's.
 */
public final class RateLimitFilter implements WebFilter, Ordered {

    private static final Pattern SLOTS_OF_A_DOCTOR = Pattern.compile("/api/doctors/[^/]+/slots");
    private static final Pattern HOLD = Pattern.compile("/api/slots/[^/]+/hold");

    private final RateLimiter limiter;

    public RateLimitFilter(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public int getOrder() {
        return AuthenticationFilter.ORDER + 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Optional<String> endpoint = endpointOf(exchange.getRequest());
        if (endpoint.isEmpty()) {
            return chain.filter(exchange);
        }
        return limiter.hit(endpoint.get(), subjectOf(exchange))
                .flatMap(decision -> decision.allowed() ? chain.filter(exchange)
                        : Mono.error(ApiException.tooManyRequests(decision.retryAfter())));
    }

    static Optional<String> endpointOf(ServerHttpRequest request) {
        String path = request.getPath().pathWithinApplication().value();
        HttpMethod method = request.getMethod();
        if (HttpMethod.POST.equals(method)) {
            return switch (path) {
                case "/api/auth/login" -> Optional.of("login");
                case "/api/auth/register" -> Optional.of("register");
                case "/api/auth/otp/request", "/api/auth/otp/verify" -> Optional.of("otp");
                case "/api/appointments" -> Optional.of("booking");
                default -> HOLD.matcher(path).matches() ? Optional.of("hold") : Optional.empty();
            };
        }
        if (HttpMethod.GET.equals(method) && (path.equals("/api/doctors") || SLOTS_OF_A_DOCTOR.matcher(path).matches())) {
            return Optional.of("search");
        }
        return Optional.empty();
    }

    private static String subjectOf(ServerWebExchange exchange) {
        Caller caller = exchange.getAttribute(RequestIdentityArguments.CALLER);
        if (caller != null) {
            return "user:" + caller.userId();
        }
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return "ip:" + (remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress());
    }
}
