-- Notifications (numbered from 200: event-store has 1-99, booking-core 100-199).

-- One message of one kind on one channel, caused by one event: the delivery log, the sender's work
-- queue and the outcome events' outbox in one row. A redelivered event inserts nothing new.
CREATE TABLE notification (
    notification_id   VARCHAR(64)  PRIMARY KEY,
    event_id          VARCHAR(255) NOT NULL,
    -- the appointment or waitlist entry the message is about (an event about a doctor's day has several)
    subject_id        VARCHAR(255) NOT NULL,
    channel           VARCHAR(16)  NOT NULL,
    kind              VARCHAR(32)  NOT NULL,
    tenant_id         VARCHAR(255) NOT NULL,
    patient_id        VARCHAR(255) NOT NULL,
    appointment_id    VARCHAR(64),
    waitlist_entry_id VARCHAR(64),
    doctor_id         VARCHAR(255),
    clinic_id         VARCHAR(255),
    starts_at         TIMESTAMPTZ,
    ends_at           TIMESTAMPTZ,
    timezone          VARCHAR(64),
    -- what the kind adds: reminder hours, minutes late, offer expiry, calendar sequence (JSON)
    details           TEXT         NOT NULL DEFAULT '{}',
    idempotency_key   VARCHAR(300) NOT NULL,
    created_at        TIMESTAMPTZ  NOT NULL,
    -- pending until final: sent, skipped, capped or failed
    status            VARCHAR(16)  NOT NULL DEFAULT 'pending',
    reason            VARCHAR(32),
    attempts          INT          NOT NULL DEFAULT 0,
    next_attempt_at   TIMESTAMPTZ  NOT NULL,
    last_error        VARCHAR(500),
    provider_ref      VARCHAR(255),
    decided_at        TIMESTAMPTZ,
    -- when the outcome event reached Kafka; null while it is still to be published
    published_at      TIMESTAMPTZ,
    CONSTRAINT notification_once_per_event_and_channel UNIQUE (event_id, subject_id, channel)
);
CREATE INDEX notification_due ON notification (next_attempt_at) WHERE status = 'pending';
CREATE INDEX notification_unpublished ON notification (decided_at) WHERE status <> 'pending' AND published_at IS NULL;
CREATE INDEX notification_patient ON notification (patient_id, created_at);

-- SMS and WhatsApp messages sent to a patient per channel and UTC day, for the daily caps.
CREATE TABLE notification_daily_count (
    patient_id VARCHAR(255) NOT NULL,
    channel    VARCHAR(16)  NOT NULL,
    day        DATE         NOT NULL,
    sent       INT          NOT NULL,
    PRIMARY KEY (patient_id, channel, day)
);

-- What later events of an appointment or a waitlist entry do not repeat (whose it is, where, when),
-- kept from the events that say it.
CREATE TABLE notification_appointment (
    appointment_id VARCHAR(64)  PRIMARY KEY,
    tenant_id      VARCHAR(255) NOT NULL,
    patient_id     VARCHAR(255) NOT NULL,
    doctor_id      VARCHAR(255) NOT NULL,
    clinic_id      VARCHAR(255) NOT NULL,
    starts_at      TIMESTAMPTZ  NOT NULL,
    ends_at        TIMESTAMPTZ,
    timezone       VARCHAR(64)  NOT NULL
);

CREATE TABLE notification_waitlist_entry (
    entry_id   VARCHAR(64)  PRIMARY KEY,
    tenant_id  VARCHAR(255) NOT NULL,
    patient_id VARCHAR(255) NOT NULL,
    clinic_id  VARCHAR(255) NOT NULL,
    doctor_id  VARCHAR(255)
);
