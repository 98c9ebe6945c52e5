package com.illajwala.booking;

import com.illajwala.identity.IdentityConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** booking-core with identity's authentication in front, on the infrastructure the infrastructure library resolves. */
@SpringBootApplication
@Import(IdentityConfiguration.class)
class BookingTestApplication {
}
