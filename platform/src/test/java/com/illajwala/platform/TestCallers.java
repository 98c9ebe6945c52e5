package com.illajwala.platform;

import com.illajwala.web.access.Caller;
import com.illajwala.web.access.Role;

/** Callers as access tokens name them, for tests that sign their own tokens. */
final class TestCallers {

    private TestCallers() {
    }

    static Caller patient(String patientId) {
        return new Caller(patientId, patientId + "@example.test", Role.PATIENT, Caller.PLATFORM_TENANT, null);
    }

    static Caller doctor(String doctorId, String tenantId) {
        return new Caller(doctorId, doctorId + "@" + tenantId + ".test", Role.DOCTOR, tenantId, null);
    }
}
