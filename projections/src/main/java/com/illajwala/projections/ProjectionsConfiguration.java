package com.illajwala.projections;

import com.illajwala.kafka.EventSubscriber;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** Everything the read side contributes to an application that imports it. */
@Configuration(proxyBeanMethods = false)
@ComponentScan
public class ProjectionsConfiguration {

    @Bean
    EventSubscriber eventSubscriber(KafkaConnectionDetails kafka) {
        return new EventSubscriber(String.join(",", kafka.getBootstrapServers()));
    }
}
