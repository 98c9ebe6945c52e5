-- The waitlist as its routes and the promotion read it, kept from WaitlistEntry events in the
-- transaction that records them (the "waitlist-queue" subscribing processor).
CREATE TABLE waitlist_entry (
    entry_id         VARCHAR(64)  PRIMARY KEY,
    tenant_id        VARCHAR(255) NOT NULL,
    clinic_id        VARCHAR(255) NOT NULL,
    doctor_id        VARCHAR(255),
    specialization   VARCHAR(255),
    patient_id       VARCHAR(255) NOT NULL,
    dependent_id     VARCHAR(64),
    window_from      DATE         NOT NULL,
    window_to        DATE         NOT NULL,
    times_of_day     VARCHAR(64)  NOT NULL,
    modes            VARCHAR(64)  NOT NULL,
    expires_at       TIMESTAMPTZ  NOT NULL,
    joined_at        TIMESTAMPTZ  NOT NULL,
    urgent           BOOLEAN      NOT NULL DEFAULT FALSE,
    status           VARCHAR(16)  NOT NULL,
    offer_slot_id    VARCHAR(255),
    offer_hold_id    VARCHAR(64),
    offer_start      TIMESTAMPTZ,
    offer_expires_at TIMESTAMPTZ,
    appointment_id   VARCHAR(64)
);
CREATE INDEX waitlist_entry_queue ON waitlist_entry (tenant_id, clinic_id, status);
CREATE INDEX waitlist_entry_patient ON waitlist_entry (patient_id);
-- Slots an entry declined or let lapse: never offered to it again.
CREATE TABLE waitlist_passed (
    entry_id VARCHAR(64)  NOT NULL,
    slot_id  VARCHAR(255) NOT NULL,
    PRIMARY KEY (entry_id, slot_id)
);
-- The slots' facts, kept by the promotion (a tracking processor) from SlotPublished.
CREATE TABLE waitlist_slot (
    slot_id   VARCHAR(255) PRIMARY KEY,
    tenant_id VARCHAR(255) NOT NULL,
    doctor_id VARCHAR(255) NOT NULL,
    clinic_id VARCHAR(255) NOT NULL,
    start_at  TIMESTAMPTZ  NOT NULL,
    timezone  VARCHAR(64)  NOT NULL,
    modes     VARCHAR(64)  NOT NULL
);
