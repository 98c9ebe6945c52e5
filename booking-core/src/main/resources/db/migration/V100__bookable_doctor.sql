-- booking-core numbers its migrations from 100 so they never collide with event-store's.
-- Doctors a platform admin has verified: booking-core's own copy of identity's decision,
-- kept by the "bookable-doctors" tracking processor from DoctorVerified events.
CREATE TABLE bookable_doctor (
    doctor_id VARCHAR(255) PRIMARY KEY,
    tenant_id VARCHAR(255) NOT NULL
);
