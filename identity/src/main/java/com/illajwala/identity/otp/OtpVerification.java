package com.illajwala.identity.otp;

/** The result of checking a code against the one last sent to a phone. */
public enum OtpVerification {
    /** The code was right; it is now used up. */
    VERIFIED,
    /** The code was wrong; the attempt counts towards the limit. */
    WRONG_CODE,
    /** No code is pending for the phone: never sent, expired, already used or replaced. */
    EXPIRED_OR_MISSING,
    /** Too many wrong attempts discarded the code; only a newly requested code can succeed. */
    ATTEMPTS_EXHAUSTED
}
