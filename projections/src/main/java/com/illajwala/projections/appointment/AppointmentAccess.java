package com.illajwala.projections.appointment;

import com.illajwala.web.ApiException;
import com.illajwala.web.access.Caller;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * Which appointments a caller may read: a patient their own, a doctor the appointments with them,
 * staff and admins their tenant's. Anything else is answered as if it did not exist.
 */
public final class AppointmentAccess {

    private AppointmentAccess() {
    }

    /** The appointments the caller may read; a platform admin is refused (403). */
    public static Criteria visibleTo(Caller caller) {
        return switch (caller.role()) {
            case PATIENT -> Criteria.where("patientId").is(caller.userId());
            case DOCTOR -> Criteria.where("tenantId").is(caller.tenantId()).and("doctorId").is(caller.userId());
            case STAFF, ADMIN -> Criteria.where("tenantId").is(staffTenant(caller));
        };
    }

    /**
     * Whether the caller may read this appointment: the same rule as {@link #visibleTo}, for one
     * appointment read by its id alone (a store that uses an index only for a query naming exactly its
     * fields, as the embedded one does, would scan every appointment for the id with the rule's fields).
     */
    public static boolean admits(Caller caller, AppointmentView appointment) {
        return switch (caller.role()) {
            case PATIENT -> caller.userId().equals(appointment.patientId());
            case DOCTOR -> caller.tenantId().equals(appointment.tenantId()) && caller.userId().equals(appointment.doctorId());
            case STAFF, ADMIN -> staffTenant(caller).equals(appointment.tenantId());
        };
    }

    private static String staffTenant(Caller caller) {
        if (caller.isPlatformAdmin()) {
            throw ApiException.forbidden("forbidden", "Platform admins do not read patients' appointments");
        }
        return caller.tenantId();
    }
}
