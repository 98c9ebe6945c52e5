package com.illajwala.platform;

import com.illajwala.booking.BookingConfiguration;
import com.illajwala.identity.IdentityConfiguration;
import com.illajwala.notifications.NotificationsConfiguration;
import com.illajwala.projections.ProjectionsConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** Runs the whole platform in one JVM. */
@SpringBootApplication
@Import({IdentityConfiguration.class, BookingConfiguration.class, ProjectionsConfiguration.class,
        NotificationsConfiguration.class})
public class IllajwalaPlatform {

    public static void main(String[] args) {
        // Axon would report usage to AxonIQ's servers; a healthcare platform does not phone home
        System.setProperty("axoniq.update-checker.disabled", System.getProperty("axoniq.update-checker.disabled", "true"));
        SpringApplication.run(IllajwalaPlatform.class, args);
    }
}
