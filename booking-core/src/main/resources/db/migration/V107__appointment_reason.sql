-- Why the patient booked, in their words: medical data, so it is never in an event. Read only by the
-- patient and by the clinic the appointment is with (audited).
CREATE TABLE appointment_reason (
    appointment_id varchar(64) PRIMARY KEY,
    tenant_id      varchar(64) NOT NULL,
    doctor_id      varchar(64) NOT NULL,
    patient_id     varchar(64) NOT NULL,
    reason         text        NOT NULL,
    recorded_at    timestamptz NOT NULL
);
