package com.illajwala.events.notification;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a patient is told something. */
public enum NotificationChannel {
    @JsonProperty("email") EMAIL,
    @JsonProperty("sms") SMS,
    @JsonProperty("whatsapp") WHATSAPP;

    /** The lower-case name used in preferences, configuration and events. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
