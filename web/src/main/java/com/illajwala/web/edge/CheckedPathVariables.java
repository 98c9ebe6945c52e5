package com.illajwala.web.edge;

import com.illajwala.web.ApiException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.server.ServerWebExchange;

import java.util.Map;

/**
 * The annotated routes' mapping, which holds each matched path variable to {@link InputRules} by
 * its name: {@code appointmentId} must be an identifier, any other variable plain text of at most
 * {@value InputRules#MAX_PATH_SEGMENT} characters. A refusal answers 400 naming the variable before
 * the route runs.
 */
public class CheckedPathVariables extends RequestMappingHandlerMapping {

    @Override
    protected void handleMatch(RequestMappingInfo info, HandlerMethod handlerMethod, ServerWebExchange exchange) {
        super.handleMatch(info, handlerMethod, exchange);
        Map<String, String> variables = exchange.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (variables == null) {
            return;
        }
        variables.forEach((name, value) -> InputRules.problem(name, value, InputRules.MAX_PATH_SEGMENT)
                .ifPresent(problem -> {
                    throw ApiException.invalidField(name, problem);
                }));
    }
}
