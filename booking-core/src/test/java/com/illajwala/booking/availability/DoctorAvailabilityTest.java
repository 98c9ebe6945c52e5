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

    @Test
    void rulesSetAgainInsideTheMinimumNoticeTakeNothingAway() {
        AvailabilityRules rules = daily(Duration.ofHours(1));
        SetAvailability first = SetAvailability.of("apollo", "dr-1", "clinic-1", rules, NOW);
        Instant quarterToNine = NOW.plus(Duration.ofMinutes(45));
        SetAvailability again = SetAvailability.of("apollo", "dr-1", "clinic-1", rules, quarterToNine);
        fixture.given(new AvailabilitySet(first.availabilityId(), "apollo", "dr-1", "clinic-1", rules,
                        SlotGenerator.generate(rules, NOW), List.of()))
                .when(again)
                .expectEvents(new AvailabilitySet(again.availabilityId(), "apollo", "dr-1", "clinic-1", rules,
                        SlotGenerator.generate(rules, quarterToNine), List.of()));
    }

    @Test
    void theHorizonRollsForwardToTheDayThatEnteredIt() {
        AvailabilityRules rules = daily(Duration.ZERO);
        String id = DoctorAvailability.availabilityId("dr-1", "clinic-1");
        Instant tuesdayMidnight = ZonedDateTime.of(2027, 2, 2, 0, 0, 0, 0, ZoneId.of("Asia/Kolkata")).toInstant();
        List<GeneratedSlot> wednesday = List.of(slot(2027, 2, 3, 9, 0), slot(2027, 2, 3, 9, 30));
        fixture.given(new AvailabilitySet(id, "apollo", "dr-1", "clinic-1", rules, SlotGenerator.generate(rules, NOW),
                        List.of()))
                .when(new DoctorAvailability.RollHorizon(id, tuesdayMidnight))
                .expectEvents(new HorizonRolled(id, tuesdayMidnight, wednesday))
                .expectResultMessagePayload(wednesday);
    }

    @Test
    void rollingAgainCallsForNothingNew() {
        AvailabilityRules rules = daily(Duration.ZERO);
        String id = DoctorAvailability.availabilityId("dr-1", "clinic-1");
        Instant tuesdayMidnight = ZonedDateTime.of(2027, 2, 2, 0, 0, 0, 0, ZoneId.of("Asia/Kolkata")).toInstant();
        fixture.given(new AvailabilitySet(id, "apollo", "dr-1", "clinic-1", rules, SlotGenerator.generate(rules, NOW),
                                List.of()),
                        new HorizonRolled(id, tuesdayMidnight, List.of(slot(2027, 2, 3, 9, 0), slot(2027, 2, 3, 9, 30))))
                .when(new DoctorAvailability.RollHorizon(id, tuesdayMidnight.plus(Duration.ofHours(3))))
                .expectNoEvents()
                .expectResultMessagePayload(List.of());
    }

    @Test
    void aRollBeforeAnyRulesIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new DoctorAvailability.RollHorizon(DoctorAvailability.availabilityId("dr-1", "clinic-1"), NOW))
                .expectException(org.axonframework.modelling.command.AggregateNotFoundException.class);
    }

    /** Every day 09:00–10:00 in Bengaluru, two 30-minute slots, over the next two days. */
    private static AvailabilityRules daily(Duration minimumNotice) {
        Session session = new Session(LocalTime.of(9, 0), LocalTime.of(10, 0), List.of(), Duration.ofMinutes(30),
                Duration.ZERO, 1, Set.of(ConsultationMode.CLINIC));
        Map<DayOfWeek, List<Session>> weekly = new java.util.EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            weekly.put(day, List.of(session));
        }
        return new AvailabilityRules("Asia/Kolkata", weekly, Set.of(), Map.of(), minimumNotice, Duration.ofDays(2));
    }

    private static GeneratedSlot slot(int year, int month, int day, int hour, int minute) {
        Instant start = ZonedDateTime.of(year, month, day, hour, minute, 0, 0, ZoneId.of("Asia/Kolkata")).toInstant();
        return new GeneratedSlot(start, start.plus(Duration.ofMinutes(30)), 1, Set.of(ConsultationMode.CLINIC));
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
