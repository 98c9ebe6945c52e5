-- A doctor's appointments by day and status, for "running late" announcements (DayAppointments,
-- the "day-appointments" tracking processor).
CREATE TABLE day_appointment (
    appointment_id VARCHAR(64)  PRIMARY KEY,
    tenant_id      VARCHAR(255) NOT NULL,
    doctor_id      VARCHAR(255) NOT NULL,
    start_at       TIMESTAMPTZ  NOT NULL,
    timezone       VARCHAR(64)  NOT NULL,
    status         VARCHAR(16)  NOT NULL
);
CREATE INDEX day_appointment_doctor_start ON day_appointment (doctor_id, start_at);
