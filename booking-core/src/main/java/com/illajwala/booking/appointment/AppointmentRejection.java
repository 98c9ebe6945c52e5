package com.illajwala.booking.appointment;

/** A lifecycle command the appointment refuses, with a reason the HTTP layer maps to a status. */
public final class AppointmentRejection extends RuntimeException {

    /** Why the appointment refused. */
    public enum Reason {
        /** The actor may not see this appointment at all: answered as if it did not exist. */
        NOT_VISIBLE,
        /** The actor sees it but may not do this (a patient checking themself in). */
        NOT_ALLOWED,
        /** The appointment's status does not allow this step. */
        WRONG_STATUS,
        /** Too late (cancelling inside the notice period) or too early (a no-show before the start). */
        WRONG_TIME
    }

    private final Reason reason;

    public AppointmentRejection(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
