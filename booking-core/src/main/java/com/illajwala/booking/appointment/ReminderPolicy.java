package com.illajwala.booking.appointment;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;

/** How long before a confirmed appointment its reminders are due: 24 h and 2 h unless configured. */
@Component
public class ReminderPolicy {

    private final List<Duration> before;

    public ReminderPolicy(@Value("${illajwala.booking.reminders:24h,2h}") List<Duration> before) {
        this.before = List.copyOf(before);
    }

    public List<Duration> before() {
        return before;
    }
}
