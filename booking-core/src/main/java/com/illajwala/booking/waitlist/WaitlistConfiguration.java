package com.illajwala.booking.waitlist;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WaitlistConfiguration {

    /**
     * The queue table changes in the transaction that records the entry's events (a subscribing
     * processor, whose failure fails the command); the promotion retries an event that failed
     * rather than skipping it, so no freed seat goes unoffered.
     */
    @Bean
    ConfigurerModule waitlistProcessors() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(WaitlistQueue.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(WaitlistQueue.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance())
                .registerListenerInvocationErrorHandler(WaitlistPromotion.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
    }
}
