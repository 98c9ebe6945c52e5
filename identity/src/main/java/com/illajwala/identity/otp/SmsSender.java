package com.illajwala.identity.otp;

import reactor.core.publisher.Mono;

/** The port through which identity sends text messages; completes once the provider accepted it. */
public interface SmsSender {

    Mono<Void> send(String phoneNumber, String text);
}
