package com.illajwala.booking.waitlist;

/** A waitlist command the entry refuses, with a reason the HTTP layer maps to a status. */
public final class WaitlistRejection extends RuntimeException {

    /** Why the entry refused. */
    public enum Reason {
        /** The actor may not see this entry: answered as if it did not exist. */
        NOT_VISIBLE,
        /** The actor sees it but may not do this (a patient marking themself urgent). */
        NOT_ALLOWED,
        /** The entry's status does not allow this step. */
        WRONG_STATUS,
        /** The offer's time is up. */
        OFFER_LAPSED
    }

    private final Reason reason;

    public WaitlistRejection(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
