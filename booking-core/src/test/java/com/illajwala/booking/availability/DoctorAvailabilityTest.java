package com.illajwala.booking.availability;

import com.illajwala.booking.availability.DoctorAvailability.SetAvailability;
import com.illajwala.events.ConsultationMode;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DoctorAvailabilityTest {

    /** Monday 1 February 2027, 08:00 in Bengaluru. */
    private static final Instant NOW = ZonedDateTime.of(2027, 2, 1, 8, 0, 0, 0, ZoneId.of("Asia/Kolkata")).toInstant();

    private AggregateTestFixture<DoctorAvailability> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DoctorAvailability.class);
    }

    @Test
    void firstRulesCallForTheirSlotsAndRemoveNothing() {
        SetAvailability command = set(LocalTime.of(12, 0));
        List<GeneratedSlot> expected = SlotGenerator.generate(command.rules(), NOW);
        assertThat(expected).hasSize(6);
        fixture.givenNoPriorActivity()
                .when(command)
                .expectEvents(new AvailabilitySet(command.availabilityId(), "apollo", "dr-1", "clinic-1", command.rules(),
                        expected, List.of()));
    }

    @Test
    void shorterHoursRemoveTheSlotsTheyNoLongerCallFor() {
        SetAvailability before = set(LocalTime.of(12, 0));
        SetAvailability after = set(LocalTime.of(11, 0));
        List<GeneratedSlot> kept = SlotGenerator.generate(after.rules(), NOW);
        List<GeneratedSlot> earlier = SlotGenerator.generate(before.rules(), NOW);
        fixture.given(new AvailabilitySet(before.availabilityId(), "apollo", "dr-1", "clinic-1", before.rules(), earlier,
                        List.of()))
                .when(after)
                .expectEvents(new AvailabilitySet(after.availabilityId(), "apollo", "dr-1", "clinic-1", after.rules(), kept,
                        List.of(earlier.get(4).start(), earlier.get(5).start())));
    }

    /** Mondays 09:00 until {@code end}, 30-minute slots, over the next two days. */
    private static SetAvailability set(LocalTime end) {
        Session session = new Session(LocalTime.of(9, 0), end, List.of(), Duration.ofMinutes(30), Duration.ZERO, 1,
                Set.of(ConsultationMode.CLINIC));
        AvailabilityRules rules = new AvailabilityRules("Asia/Kolkata", Map.of(DayOfWeek.MONDAY, List.of(session)),
                Set.of(), Map.of(), Duration.ZERO, Duration.ofDays(2));
        return SetAvailability.of("apollo", "dr-1", "clinic-1", rules, NOW);
    }
}
