package com.illajwala.booking.availability;

import com.illajwala.booking.availability.DoctorAvailability.RollHorizon;
import com.illajwala.events.ConsultationMode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

class HorizonSagaTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** 10:00 in London on Saturday 27 March 2027, the day before the clocks go forward. */
    private static final Instant SATURDAY_MORNING = ZonedDateTime.of(2027, 3, 27, 10, 0, 0, 0, LONDON).toInstant();
    private static final Instant SUNDAY_MIDNIGHT = ZonedDateTime.of(2027, 3, 28, 0, 0, 0, 0, LONDON).toInstant();
    private static final Instant MONDAY_MIDNIGHT = ZonedDateTime.of(2027, 3, 29, 0, 0, 0, 0, LONDON).toInstant();
    private static final String ID = DoctorAvailability.availabilityId("dr-1", "clinic-1");

    private SagaTestFixture<HorizonSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(HorizonSaga.class);
        fixture.registerCommandGateway(CommandGateway.class);
        fixture.setCallbackBehavior((command, metaData) -> command instanceof RollHorizon roll
                ? List.of(slotOn(roll.at().atZone(LONDON).toLocalDate().plusDays(14))) : null);
        fixture.givenCurrentTime(SATURDAY_MORNING);
    }

    @Test
    void rulesSetScheduleTheRollForTheClinicsNextMidnight() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(set("Europe/London"))
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(SUNDAY_MIDNIGHT, HorizonSaga.HORIZON_ROLL);
    }

    @Test
    void atMidnightTheHorizonRollsItsSlotsArePublishedAndTheNextRollIsScheduled() {
        GeneratedSlot entered = slotOn(LocalDate.of(2027, 4, 11));
        fixture.givenAPublished(set("Europe/London"))
                .whenTimeAdvancesTo(SUNDAY_MIDNIGHT)
                .expectTriggeredDeadlinesWithName(HorizonSaga.HORIZON_ROLL)
                .expectDispatchedCommands(new RollHorizon(ID, SUNDAY_MIDNIGHT),
                        entered.publication("sunrise", "dr-1", "clinic-1", "Europe/London"))
                // the day the clocks go forward is 23 hours long: the next roll is at midnight all the same
                .expectScheduledDeadlineWithName(MONDAY_MIDNIGHT, HorizonSaga.HORIZON_ROLL);
    }

    @Test
    void newRulesMoveTheRollToTheirClinicsMidnight() {
        Instant kolkataMidnight = ZonedDateTime.of(2027, 3, 28, 0, 0, 0, 0, ZoneId.of("Asia/Kolkata")).toInstant();
        fixture.givenAPublished(set("Europe/London"))
                .whenPublishingA(set("Asia/Kolkata"))
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(kolkataMidnight, HorizonSaga.HORIZON_ROLL)
                .expectNoScheduledDeadlineWithName(SUNDAY_MIDNIGHT, HorizonSaga.HORIZON_ROLL);
    }

    private static AvailabilitySet set(String timezone) {
        AvailabilityRules rules = new AvailabilityRules(timezone, Map.of(), Set.of(), Map.of(), Duration.ZERO,
                Duration.ofDays(14));
        return new AvailabilitySet(ID, "sunrise", "dr-1", "clinic-1", rules, List.of(), List.of());
    }

    private static GeneratedSlot slotOn(LocalDate date) {
        Instant start = date.atTime(LocalTime.of(9, 0)).atZone(LONDON).toInstant();
        return new GeneratedSlot(start, start.plus(Duration.ofMinutes(30)), 1, Set.of(ConsultationMode.CLINIC));
    }
}
