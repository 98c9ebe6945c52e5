package com.illajwala.booking;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/** Everything booking-core contributes to an application that imports it. */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@PropertySource("classpath:booking-core-defaults.properties")
public class BookingConfiguration {
}
