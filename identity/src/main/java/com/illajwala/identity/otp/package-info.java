/**
 * Patient sign-in by a one-time passcode sent to their phone: issuing and checking codes in
 * Redis ({@link com.illajwala.identity.otp.OtpService}) and the SMS port that delivers them
 * ({@link com.illajwala.identity.otp.SmsSender}) with its HTTP and local-development adapters.
 */
package com.illajwala.identity.otp;
