package com.illajwala.web.access;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Arrays;
import java.util.Optional;

/** What a user is to the platform. Doctors, staff and admins belong to one tenant; patients to none in particular. */
public enum Role {
    @JsonProperty("patient") PATIENT,
    @JsonProperty("doctor") DOCTOR,
    @JsonProperty("staff") STAFF,
    @JsonProperty("admin") ADMIN;

    /** The role's name in tokens and JSON. */
    public String code() {
        return name().toLowerCase();
    }

    public static Optional<Role> fromCode(String code) {
        return Arrays.stream(values()).filter(role -> role.code().equals(code)).findFirst();
    }

    /** Whether the role acts for one tenant only, and is refused outside it. */
    public boolean isTenantBound() {
        return this != PATIENT;
    }
}
