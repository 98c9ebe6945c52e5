-- Clinics and their time zones, booking-core's copy of identity's ClinicRegistered events:
-- availability rules are laid out in the clinic's zone.
CREATE TABLE clinic_zone (
    clinic_id VARCHAR(255) PRIMARY KEY,
    tenant_id VARCHAR(255) NOT NULL,
    timezone  VARCHAR(64)  NOT NULL
);
