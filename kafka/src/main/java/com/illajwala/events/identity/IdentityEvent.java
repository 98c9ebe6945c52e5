package com.illajwala.events.identity;

import com.illajwala.events.IllajwalaEvent;

/**
 * Public facts of identity: tenants, clinics and doctors as other modules and integrators need
 * them. Never credentials, contact details or anything about patients.
 */
public sealed interface IdentityEvent extends IllajwalaEvent
        permits TenantRegistered, ClinicRegistered, DoctorOnboarded, DoctorVerified {
}
