package com.illajwala.booking.doctor;

import java.time.Duration;
import java.util.List;

/** Each clinic's booking policy; a clinic booking-core has not heard of has the platform's defaults (2 h; 24 h and 2 h). */
public interface ClinicPolicies {

    Duration DEFAULT_CANCELLATION_NOTICE = Duration.ofHours(2);
    List<Duration> DEFAULT_REMINDERS = List.of(Duration.ofHours(24), Duration.ofHours(2));

    /** How long before an appointment a patient may still cancel or move it. */
    Duration cancellationNotice(String clinicId);

    /** How long before a confirmed appointment its reminders are due. */
    List<Duration> reminders(String clinicId);
}
