package com.illajwala.notifications.channel;

import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/** What an HTTP provider's error answer means: 4xx refuses the message, except 408 and 429, which say "later". */
public final class HttpProviderAnswers {

    private static final int LONGEST_DETAIL = 300;

    private HttpProviderAnswers() {
    }

    public static Throwable classify(Throwable failure) {
        if (failure instanceof WebClientResponseException answer && answer.getStatusCode().is4xxClientError()
                && answer.getStatusCode().value() != HttpStatus.REQUEST_TIMEOUT.value()
                && answer.getStatusCode().value() != HttpStatus.TOO_MANY_REQUESTS.value()) {
            String detail = answer.getResponseBodyAsString();
            return new ProviderRejection(answer.getStatusCode().value() + " "
                    + (detail.length() > LONGEST_DETAIL ? detail.substring(0, LONGEST_DETAIL) : detail), answer);
        }
        return failure;
    }
}
