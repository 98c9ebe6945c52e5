package com.illajwala.web.edge;

import com.illajwala.web.ApiException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Holds every path segment and query parameter to {@link InputRules} before any other filter or
 * route sees the request: a NUL byte ({@code %00}) or an over-long id in a path answers 400 naming
 * the path variable ({@code appointmentId}), never a store's failure. Query parameters named
 * {@code id} or {@code …Id} must be identifiers; so must such path variables, checked when a route
 * matches ({@link CheckedPathVariables}). A refused segment is named by matching the annotated
 * routes once more, only then ({@code path} when none matches).
 */
public final class RequestTargetFilter implements WebFilter, Ordered {

    /** Before authentication: nothing reads a request this refuses. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 1;

    private final ObjectProvider<RequestMappingHandlerMapping> routes;

    public RequestTargetFilter(ObjectProvider<RequestMappingHandlerMapping> routes) {
        this.routes = routes;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        for (PathContainer.Element element : request.getPath().pathWithinApplication().elements()) {
            if (element instanceof PathContainer.PathSegment segment) {
                Optional<String> problem = InputRules.textProblem(segment.valueToMatch(), InputRules.MAX_PATH_SEGMENT);
                if (problem.isPresent()) {
                    return refusedSegment(exchange, problem.get());
                }
            }
        }
        MultiValueMap<String, String> query;
        try {
            query = request.getQueryParams();
        } catch (IllegalArgumentException unreadable) {
            return Mono.error(ApiException.invalidField("query", "is not a valid query string"));
        }
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            String name = parameter.getKey();
            Optional<String> nameProblem = InputRules.textProblem(name, InputRules.MAX_QUERY_VALUE);
            if (nameProblem.isPresent()) {
                return Mono.error(ApiException.invalidField("query", "has a parameter name that " + nameProblem.get()));
            }
            for (String value : parameter.getValue()) {
                if (value == null) {
                    continue;
                }
                Optional<String> problem = InputRules.problem(name, value, InputRules.MAX_QUERY_VALUE);
                if (problem.isPresent()) {
                    return Mono.error(ApiException.invalidField(name, problem.get()));
                }
            }
        }
        return chain.filter(exchange);
    }

    /**
     * The annotated routes' mapping checks their path variables by name ({@link CheckedPathVariables}),
     * so matching the request once more answers the refusal that names the variable.
     */
    private Mono<Void> refusedSegment(ServerWebExchange exchange, String problem) {
        ApiException unnamed = ApiException.invalidField("path", problem);
        // the application's routes, not the operations endpoints' own mapping
        RequestMappingHandlerMapping mapping = routes.stream().filter(CheckedPathVariables.class::isInstance)
                .findFirst().orElse(null);
        if (mapping == null) {
            return Mono.error(unnamed);
        }
        return mapping.getHandler(exchange)
                .onErrorResume(failure -> failure instanceof ApiException ? Mono.error(failure) : Mono.empty())
                .then(Mono.error(unnamed));
    }
}
