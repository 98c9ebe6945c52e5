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
            case STAFF, ADMIN -> {
                if (caller.isPlatformAdmin()) {
                    throw ApiException.forbidden("forbidden", "Platform admins do not read patients' appointments");
                }
                yield Criteria.where("tenantId").is(caller.tenantId());
            }
        };
    }
}
