package com.illajwala.booking.appointment;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;

/** How long a patient has to pay online before their pending booking is cancelled and the seat released. */
@Component
public class PaymentPolicy {

    private final Duration window;

    public PaymentPolicy(@Value("${illajwala.payments.window:15m}") Duration window) {
        this.window = window;
    }

    public Duration window() {
        return window;
    }
}
