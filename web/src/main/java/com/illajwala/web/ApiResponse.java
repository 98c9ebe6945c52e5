package com.illajwala.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The envelope of every API response. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiResponse<T>(boolean success, T data, ApiError error, String message) {

    public static <T> ApiResponse<T> ok(T data) {
        return new ApiResponse<>(true, data, null, null);
    }

    public static ApiResponse<Void> failure(ApiError error) {
        return new ApiResponse<>(false, null, error, null);
    }

    /**
     * @param code    stable, machine-readable, snake_case
     * @param details for validation failures, the list of {@link FieldProblem}s
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ApiError(String code, String message, Object details) {
    }

    /** What is wrong with one field of the request. */
    public record FieldProblem(String field, String message) {
    }
}
