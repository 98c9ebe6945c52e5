package com.illajwala.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a consultation takes place. */
public enum ConsultationMode {
    @JsonProperty("clinic") CLINIC,
    @JsonProperty("telehealth") TELEHEALTH,
    @JsonProperty("home_visit") HOME_VISIT
}
