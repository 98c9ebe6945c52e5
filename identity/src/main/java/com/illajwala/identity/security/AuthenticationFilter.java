package com.illajwala.identity.security;

import com.illajwala.identity.auth.AccessTokens;
import com.illajwala.web.ApiException;
import com.illajwala.web.access.Caller;
import com.illajwala.web.access.HostTenant;
import com.illajwala.web.access.RequestIdentityArguments;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Puts the host's tenant and the verified caller on every request. A bearer token must be valid
 * (a bad one is a 401, never an anonymous request); a stream route may instead carry a
 * single-use ticket. Doctors, staff and admins are refused (403) on any host but their own
 * tenant's. What each caller may then see is each route's decision.
 */
public final class AuthenticationFilter implements WebFilter, Ordered {

    /** Runs first, so even a rate limit knows who is asking. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;
    private static final String BEARER = "Bearer ";
    private static final String STREAM_ROUTES = "/api/stream/";

    private final AccessTokens tokens;
    private final StreamTickets tickets;
    private final TenantHosts hosts;

    public AuthenticationFilter(AccessTokens tokens, StreamTickets tickets, TenantHosts hosts) {
        this.tokens = tokens;
        this.tickets = tickets;
        this.hosts = hosts;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HostTenant host = hosts.resolve(exchange.getRequest().getHeaders().getFirst(HttpHeaders.HOST));
        exchange.getAttributes().put(HostTenant.ATTRIBUTE, host);
        return caller(exchange)
                .doOnNext(caller -> {
                    if (caller.role().isTenantBound() && !host.tenantId().map(caller.tenantId()::equals).orElse(false)) {
                        throw ApiException.forbidden("wrong_tenant",
                                "Sign in through your organisation's own address to use this account");
                    }
                    exchange.getAttributes().put(RequestIdentityArguments.CALLER, caller);
                })
                .then(Mono.defer(() -> chain.filter(exchange)));
    }

    private Mono<Caller> caller(ServerWebExchange exchange) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                return Mono.error(invalidToken());
            }
            return Mono.justOrEmpty(tokens.verify(authorization.substring(BEARER.length()).trim()))
                    .switchIfEmpty(Mono.error(AuthenticationFilter::invalidToken));
        }
        String ticket = exchange.getRequest().getQueryParams().getFirst("ticket");
        if (ticket != null && exchange.getRequest().getPath().value().startsWith(STREAM_ROUTES)) {
            return tickets.redeem(ticket).switchIfEmpty(Mono.error(() ->
                    ApiException.unauthorized("invalid_ticket", "The stream ticket is unknown, used or expired")));
        }
        return Mono.empty();
    }

    private static ApiException invalidToken() {
        return ApiException.unauthorized("invalid_token", "The access token is not valid");
    }
}
