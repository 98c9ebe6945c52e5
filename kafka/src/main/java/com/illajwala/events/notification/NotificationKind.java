package com.illajwala.events.notification;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a notification tells the patient. */
public enum NotificationKind {
    @JsonProperty("appointment_confirmed") APPOINTMENT_CONFIRMED,
    @JsonProperty("appointment_cancelled") APPOINTMENT_CANCELLED,
    @JsonProperty("appointment_rescheduled") APPOINTMENT_RESCHEDULED,
    @JsonProperty("payment_received") PAYMENT_RECEIVED,
    /** An online payment did not arrive in time and the booking was called off. */
    @JsonProperty("payment_failed") PAYMENT_FAILED,
    @JsonProperty("refund_issued") REFUND_ISSUED,
    @JsonProperty("appointment_reminder") APPOINTMENT_REMINDER,
    @JsonProperty("waitlist_offer") WAITLIST_OFFER,
    @JsonProperty("waitlist_offer_lapsed") WAITLIST_OFFER_LAPSED,
    @JsonProperty("waitlist_entry_expired") WAITLIST_ENTRY_EXPIRED,
    @JsonProperty("doctor_running_late") DOCTOR_RUNNING_LATE;

    /** The lower-case name: template file names and database values. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
