-- Doctors' consultation fees, from identity's DoctorOnboarded events: what an online payment charges.
CREATE TABLE doctor_fee (
    doctor_id VARCHAR(255) PRIMARY KEY,
    fee       NUMERIC(12, 2) NOT NULL,
    currency  VARCHAR(3)     NOT NULL
);
