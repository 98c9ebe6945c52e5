package com.illajwala.web.access;

import com.illajwala.web.ApiException;
import org.springframework.core.MethodParameter;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Resolves {@link Caller} and {@link HostTenant} handler parameters from what the authentication
 * filter put on the exchange. Without that filter no request has a caller, so every route that
 * needs one answers 401: the routes fail closed.
 */
public final class RequestIdentityArguments implements HandlerMethodArgumentResolver {

    /** The exchange attribute holding the authenticated {@link Caller}. */
    public static final String CALLER = Caller.class.getName();

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        Class<?> type = parameter.getParameterType();
        return type == Caller.class || type == HostTenant.class;
    }

    @Override
    public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext bindingContext,
                                        ServerWebExchange exchange) {
        if (parameter.getParameterType() == HostTenant.class) {
            return Mono.just(exchange.getAttributeOrDefault(HostTenant.ATTRIBUTE, HostTenant.none()));
        }
        Caller caller = exchange.getAttribute(CALLER);
        if (caller == null) {
            return Mono.error(ApiException.unauthorized("unauthenticated", "Sign in to use this route"));
        }
        return Mono.just(caller);
    }
}
