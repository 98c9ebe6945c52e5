package com.illajwala.booking.payment;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Online payments through Razorpay when its keys are configured; without them patients pay at the
 * clinic and an online booking is refused (422).
 */
@Configuration(proxyBeanMethods = false)
class PaymentConfiguration {

    @Bean
    @ConditionalOnProperty(name = "illajwala.payments.razorpay.key-id")
    PaymentGateway razorpay(WebClient.Builder http,
                            @Value("${illajwala.payments.razorpay.base-url:https://api.razorpay.com}") String baseUrl,
                            @Value("${illajwala.payments.razorpay.key-id}") String keyId,
                            @Value("${illajwala.payments.razorpay.key-secret}") String keySecret,
                            @Value("${illajwala.payments.razorpay.webhook-secret}") String webhookSecret) {
        return new RazorpayGateway(http, baseUrl, keyId, keySecret, webhookSecret);
    }

    /** Refund errors propagate, so the processor retries the event instead of logging and skipping it (Axon's default). */
    @Bean
    ConfigurerModule refundsRetryFailures() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(RefundProcessor.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
    }
}
