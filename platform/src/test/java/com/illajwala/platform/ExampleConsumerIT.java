package com.illajwala.platform;

import com.illajwala.examples.FollowAppointments;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The integrators' example consumer ({@code ./examples/follow-appointments}), run against the platform
 * with its demo data, prints the demo bookings of the tenant it follows and nothing of another tenant.
 */
@SpringBootTest(properties = "illajwala.demo-data.enabled=true")
@ActiveProfiles("test")
class ExampleConsumerIT {

    @Autowired
    KafkaConnectionDetails kafka;

    @Test
    void printsTheTenantsDemoBookingsFromTheStartOfTheTopic() {
        String bootstrap = String.join(",", kafka.getBootstrapServers());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(follow("apollo", bootstrap))
                .contains("Following apollo's appointments", "Caught up.")
                .containsPattern("booked +demo-appointment-asha-1 .* Asia/Kolkata +doctorId=dr-anika-mehta +patientId=patient-asha")
                .containsPattern("booked +demo-appointment-asha-2 .* Asia/Kolkata +doctorId=dr-rahul-iyer"));
        String apollo = follow("apollo", bootstrap);
        assertThat(apollo).doesNotContain("demo-appointment-ben", "Europe/London");
        assertThat(follow("sunrise", bootstrap)).contains("demo-appointment-ben-1", "demo-appointment-ben-2")
                .doesNotContain("demo-appointment-asha");
        // each fact once, though the whole topic was read
        assertThat(apollo.lines().filter(line -> line.startsWith("booked ") && line.contains("demo-appointment-asha-1")))
                .hasSize(1);
    }

    private static String follow(String tenant, String bootstrap) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            FollowAppointments.follow(new FollowAppointments.Options(tenant, bootstrap, true), out, () -> false);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }
}
