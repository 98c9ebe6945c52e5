package com.illajwala.identity;

/** An identity command that contradicts what is already recorded, such as a tenant slug already taken. */
public final class IdentityConflict extends RuntimeException {

    private final String code;

    public IdentityConflict(String code, String message) {
        super(message);
        this.code = code;
    }

    /** Stable, snake_case, as the API reports it. */
    public String code() {
        return code;
    }
}
