package com.illajwala.booking;

import com.illajwala.eventstore.EventStoreModule;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Everything booking-core contributes to an application that imports it. */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@Import(EventStoreModule.class)
public class BookingConfiguration {
}
