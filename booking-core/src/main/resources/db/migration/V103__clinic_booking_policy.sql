-- Each clinic's booking policy, from identity's ClinicRegistered events.
ALTER TABLE clinic_zone ADD COLUMN cancellation_notice_hours INT NOT NULL DEFAULT 2;
ALTER TABLE clinic_zone ADD COLUMN reminder_hours VARCHAR(64) NOT NULL DEFAULT '24,2';
