package com.illajwala.identity.auth;

/**
 * What an access token says about its bearer: the original design's payload.
 *
 * @param clinicId only for doctors and staff; null otherwise
 */
public record AccessTokenClaims(String userId, String email, String role, String tenantId, String clinicId) {
}
