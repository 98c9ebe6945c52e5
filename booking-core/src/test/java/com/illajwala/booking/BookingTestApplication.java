package com.illajwala.booking;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** booking-core on its own, on the infrastructure the infrastructure library resolves. */
@SpringBootApplication
class BookingTestApplication {
}
