package com.illajwala.booking.schedule;

import com.illajwala.events.schedule.DoctorRunningLate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

class DoctorDayTest {

    private static final LocalDate DAY = LocalDate.parse("2026-12-01");
    private static final String DAY_ID = DoctorRunningLate.doctorDayId("doctor-1", DAY);

    private FixtureConfiguration<DoctorDay> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DoctorDay.class);
    }

    private static AnnounceRunningLate late(int minutes, String... appointmentIds) {
        return new AnnounceRunningLate(DAY_ID, "doctor-1", "apollo", DAY, minutes, List.of(appointmentIds));
    }

    @Test
    void announcesTheDaysLatenessToTheAppointmentsStillToBeSeen() {
        fixture.givenNoPriorActivity()
                .when(late(20, "appt-1", "appt-2"))
                .expectEvents(new DoctorRunningLate("doctor-1", "apollo", DAY, 20, List.of("appt-1", "appt-2")));
    }

    @Test
    void theSameLatenessAnnouncedAgainTellsNobodyTwice() {
        fixture.given(new DoctorRunningLate("doctor-1", "apollo", DAY, 20, List.of("appt-1")))
                .when(late(20, "appt-1"))
                .expectNoEvents();
    }

    @Test
    void aNewLatenessIsAnnounced() {
        fixture.given(new DoctorRunningLate("doctor-1", "apollo", DAY, 20, List.of("appt-1")))
                .when(late(45, "appt-1"))
                .expectEvents(new DoctorRunningLate("doctor-1", "apollo", DAY, 45, List.of("appt-1")));
    }

    @Test
    void refusesALatenessOfLessThanAMinute() {
        fixture.givenNoPriorActivity()
                .when(late(0, "appt-1"))
                .expectException(IllegalArgumentException.class);
    }
}
