package com.illajwala.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.illajwala.web.edge.StrictStrings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.codec.DecodingException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns every failure of every route into the response envelope. Ordered before Spring Boot's
 * own error handler so clients never see a different error shape.
 */
@Order(-2)
public class ApiExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ObjectMapper objectMapper;

    public ApiExceptionHandler(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(failure);
        }
        ApiException apiException = toApiException(failure);
        if (apiException.status().is5xxServerError()) {
            log.error("Request {} {} failed", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), failure);
        }
        response.setStatusCode(apiException.status());
        response.getHeaders().addAll(apiException.headers());
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        byte[] body;
        try {
            body = envelope(objectMapper, apiException);
        } catch (JsonProcessingException e) {
            return Mono.error(e);
        }
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    /** The JSON envelope of a failure, for answers written below Spring (the HTTP server's own errors). */
    public static byte[] envelope(ObjectMapper objectMapper, ApiException failure) throws JsonProcessingException {
        return objectMapper.writeValueAsBytes(ApiResponse.failure(failure.toError()));
    }

    /** The status, code and details a failure is answered with, for routes that answer errors in another shape (FHIR). */
    public static ApiException toApiException(Throwable failure) {
        if (failure instanceof ApiException api) {
            return api;
        }
        if (failure instanceof WebExchangeBindException bind) {
            List<ApiResponse.FieldProblem> problems = bind.getFieldErrors().stream()
                    .map(e -> new ApiResponse.FieldProblem(e.getField(), e.getDefaultMessage()))
                    .collect(Collectors.toList());
            bind.getGlobalErrors().forEach(e -> problems.add(new ApiResponse.FieldProblem(e.getObjectName(), e.getDefaultMessage())));
            return ApiException.badRequest("validation_failed", "The request has invalid fields", problems);
        }
        if (failure instanceof HandlerMethodValidationException validation) {
            List<ApiResponse.FieldProblem> problems = validation.getAllValidationResults().stream()
                    .flatMap(result -> result.getResolvableErrors().stream().map(error -> new ApiResponse.FieldProblem(
                            result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
                    .collect(Collectors.toList());
            return ApiException.badRequest("validation_failed", "The request has invalid fields", problems);
        }
        if (failure instanceof ServerWebInputException input) {
            return fromInputProblem(input);
        }
        if (failure instanceof ResponseStatusException status) {
            return fromStatus(status.getStatusCode(), status.getReason());
        }
        return new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
                "The server could not complete the request", null);
    }

    private static ApiException fromInputProblem(ServerWebInputException input) {
        Throwable cause = input.getCause() instanceof DecodingException decoding ? decoding.getCause() : input.getCause();
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String problem = mapping instanceof StrictStrings.RefusedValue refused ? refused.problem()
                    : mapping instanceof UnrecognizedPropertyException ? "is not a field of this request"
                    : "has the wrong type or format";
            return ApiException.invalidField(field, problem);
        }
        if (cause instanceof JsonMappingException) {
            return ApiException.badRequest("invalid_body", "The request body does not have the expected shape", null);
        }
        if (cause instanceof JsonProcessingException) {
            return ApiException.badRequest("malformed_json", "The request body is not valid JSON", null);
        }
        if (input.getMethodParameter() != null && input.getMethodParameter().getParameterName() != null) {
            return ApiException.invalidField(input.getMethodParameter().getParameterName(),
                    input.getReason() == null ? "is invalid" : input.getReason());
        }
        return ApiException.badRequest("bad_request", input.getReason() == null ? "The request is invalid" : input.getReason(), null);
    }

    private static ApiException fromStatus(HttpStatusCode statusCode, String reason) {
        HttpStatus status = HttpStatus.resolve(statusCode.value());
        if (status == null) {
            status = HttpStatus.BAD_REQUEST;
        }
        String code = status.name().toLowerCase();
        return new ApiException(status, code, reason == null ? status.getReasonPhrase() : reason, null);
    }
}
