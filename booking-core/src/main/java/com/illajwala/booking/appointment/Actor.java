package com.illajwala.booking.appointment;

import com.illajwala.web.ApiException;
import com.illajwala.web.access.Caller;

/**
 * Who asks for a change to an appointment, as the domain needs to know it: the patient it belongs
 * to, or the clinic (a doctor or staff member of its tenant).
 */
public record Actor(String id, Kind kind, String tenantId) {

    /** The part the actor plays. */
    public enum Kind { PATIENT, DOCTOR, STAFF }

    /** The signed-in caller as an actor; platform admins run the platform, not clinics' appointments or waitlists. */
    public static Actor of(Caller caller) {
        if (caller.isPlatformAdmin()) {
            throw ApiException.forbidden("forbidden", "Platform admins do not manage appointments or waitlists");
        }
        return new Actor(caller.userId(), switch (caller.role()) {
            case PATIENT -> Kind.PATIENT;
            case DOCTOR -> Kind.DOCTOR;
            case STAFF, ADMIN -> Kind.STAFF;
        }, caller.tenantId());
    }

    public boolean isPatient() {
        return kind == Kind.PATIENT;
    }
}
