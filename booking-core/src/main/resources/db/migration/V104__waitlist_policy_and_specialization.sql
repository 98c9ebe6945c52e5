-- What the waitlist needs of identity: each clinic's waitlist policy (ClinicRegistered) and each
-- doctor's specialization (DoctorOnboarded), beside the fees and booking policy already kept.
ALTER TABLE doctor_fee RENAME TO doctor_profile;
ALTER TABLE doctor_profile ADD COLUMN specialization VARCHAR(255);
ALTER TABLE clinic_zone ADD COLUMN waitlist_offer_minutes INT NOT NULL DEFAULT 15;
ALTER TABLE clinic_zone ADD COLUMN waitlist_urgency_weight INT NOT NULL DEFAULT 50;
ALTER TABLE clinic_zone ADD COLUMN waitlist_waiting_weight INT NOT NULL DEFAULT 30;
ALTER TABLE clinic_zone ADD COLUMN waitlist_flexibility_weight INT NOT NULL DEFAULT 20;
-- The directory reads identity's events again from the start to fill the new columns.
DELETE FROM token_entry WHERE processor_name = 'bookable-doctors';
