package com.illajwala.booking.slot;

/** A command the slot refuses, with a stable code; the HTTP layer maps each kind to its status. */
public final class SlotRejection extends RuntimeException {

    /** Why the slot refused. */
    public enum Reason {
        /** The slot belongs to a tenant other than the one the request came through. */
        NOT_VISIBLE,
        /** The slot is no longer in the doctor's availability. */
        UNAVAILABLE,
        /** Every seat is taken. */
        FULL,
        /** The slot does not offer the requested consultation mode. */
        MODE_NOT_OFFERED,
        /** The doctor has not been verified by the platform, so cannot be booked. */
        DOCTOR_NOT_VERIFIED,
        /** The slot's facts are impossible (no seats, or it ends before it starts). */
        INVALID
    }

    private final Reason reason;

    public SlotRejection(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
