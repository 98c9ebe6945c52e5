package com.illajwala.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import java.time.Duration;
import java.util.List;

/** A failure with the HTTP status and stable error code the client should see. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final transient Object details;
    private final HttpHeaders headers = new HttpHeaders();

    public ApiException(HttpStatus status, String code, String message, Object details) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = details;
    }

    public static ApiException unauthorized(String code, String message) {
        return new ApiException(HttpStatus.UNAUTHORIZED, code, message, null);
    }

    public static ApiException forbidden(String code, String message) {
        return new ApiException(HttpStatus.FORBIDDEN, code, message, null);
    }

    /** 429 with a {@code Retry-After} header in whole seconds. */
    public static ApiException tooManyRequests(Duration retryAfter) {
        ApiException exception = new ApiException(HttpStatus.TOO_MANY_REQUESTS, "rate_limited",
                "Too many requests; retry after " + retryAfter.toSeconds() + " s", null);
        exception.headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
        return exception;
    }

    public static ApiException badRequest(String code, String message, List<ApiResponse.FieldProblem> problems) {
        return new ApiException(HttpStatus.BAD_REQUEST, code, message, problems);
    }

    public static ApiException invalidField(String field, String message) {
        return badRequest("validation_failed", "The request has invalid fields",
                List.of(new ApiResponse.FieldProblem(field, message)));
    }

    public static ApiException notFound(String code, String message) {
        return new ApiException(HttpStatus.NOT_FOUND, code, message, null);
    }

    public static ApiException conflict(String code, String message) {
        return new ApiException(HttpStatus.CONFLICT, code, message, null);
    }

    public static ApiException unprocessable(String code, String message) {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, code, message, null);
    }

    public HttpStatus status() {
        return status;
    }

    /** Headers the response must carry, such as {@code Retry-After}. */
    public HttpHeaders headers() {
        return HttpHeaders.readOnlyHttpHeaders(headers);
    }

    public ApiResponse.ApiError toError() {
        return new ApiResponse.ApiError(code, getMessage(), details);
    }
}
