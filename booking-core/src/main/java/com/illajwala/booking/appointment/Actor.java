package com.illajwala.booking.appointment;

/**
 * Who asks for a change to an appointment, as the domain needs to know it: the patient it belongs
 * to, or the clinic (a doctor or staff member of its tenant).
 */
public record Actor(String id, Kind kind, String tenantId) {

    /** The part the actor plays. */
    public enum Kind { PATIENT, DOCTOR, STAFF }

    public boolean isPatient() {
        return kind == Kind.PATIENT;
    }
}
