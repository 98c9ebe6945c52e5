package com.illajwala.identity.clinic;

import com.illajwala.events.identity.ClinicRegistered;
import com.illajwala.events.identity.WaitlistPolicy;
import com.illajwala.identity.IdentityConflict;
import com.illajwala.identity.clinic.Clinic.RegisterClinic;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

class ClinicTest {

    private static final RegisterClinic REGISTER = new RegisterClinic("clinic-1", "apollo", "Apollo Koramangala",
            "koramangala", "Asia/Kolkata", "Bengaluru", 2, List.of(24, 2), WaitlistPolicy.defaults());

    private AggregateTestFixture<Clinic> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Clinic.class);
    }

    @Test
    void registersTheClinicsPublicFacts() {
        fixture.givenNoPriorActivity().when(REGISTER).expectEvents(new ClinicRegistered("clinic-1", "apollo",
                "Apollo Koramangala", "koramangala", "Asia/Kolkata", "Bengaluru", 2, List.of(24, 2), WaitlistPolicy.defaults()));
    }

    @Test
    void registeringTheSameClinicAgainChangesNothing() {
        fixture.given(REGISTER.toEvent()).when(REGISTER).expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void aDifferentClinicUnderATakenIdIsAConflict() {
        fixture.given(REGISTER.toEvent())
                .when(new RegisterClinic("clinic-1", "sunrise", "Sunrise Camden", "camden", "Europe/London", "London", 2, List.of(24, 2), WaitlistPolicy.defaults()))
                .expectException(IdentityConflict.class).expectNoEvents();
    }
}
