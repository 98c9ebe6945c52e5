package com.illajwala.platform;

import com.illajwala.booking.BookingConfiguration;
import com.illajwala.identity.IdentityConfiguration;
import com.illajwala.projections.ProjectionsConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** Runs the whole platform in one JVM. */
@SpringBootApplication
@Import({IdentityConfiguration.class, BookingConfiguration.class, ProjectionsConfiguration.class})
public class IllajwalaPlatform {

    public static void main(String[] args) {
        SpringApplication.run(IllajwalaPlatform.class, args);
    }
}
