package com.illajwala.events.identity;

/** A platform admin checked the doctor's registration and qualifications: from now on bookable and searchable. */
public record DoctorVerified(String doctorId, String tenantId) implements IdentityEvent {

    @Override
    public String aggregateId() {
        return doctorId;
    }
}
