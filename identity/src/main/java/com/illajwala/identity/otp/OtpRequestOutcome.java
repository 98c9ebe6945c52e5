package com.illajwala.identity.otp;

import java.time.Duration;

/**
 * What became of a request for a code: sent, or refused with how long to wait (in whole seconds,
 * at least one) before asking again. {@code retryAfter} is zero when the code was sent.
 */
public record OtpRequestOutcome(Status status, Duration retryAfter) {

    /** Why a code was or was not sent. */
    public enum Status {
        /** A new code is on its way and replaces any earlier one. */
        SENT,
        /** The previous code was sent less than the resend interval ago. */
        TOO_SOON,
        /** The phone has had as many codes as the send window allows. */
        SEND_CAPPED
    }

    static OtpRequestOutcome sent() {
        return new OtpRequestOutcome(Status.SENT, Duration.ZERO);
    }
}
