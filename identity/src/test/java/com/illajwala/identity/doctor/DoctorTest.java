package com.illajwala.identity.doctor;

import com.illajwala.events.ConsultationMode;
import com.illajwala.events.identity.DoctorOnboarded;
import com.illajwala.events.identity.DoctorVerified;
import com.illajwala.identity.IdentityConflict;
import com.illajwala.identity.doctor.Doctor.OnboardDoctor;
import com.illajwala.identity.doctor.Doctor.VerifyDoctor;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

class DoctorTest {

    private static final OnboardDoctor ONBOARD = new OnboardDoctor("dr-1", "apollo", "Dr Anika Mehta", "cardiology",
            List.of("en", "hi"), Set.of(ConsultationMode.CLINIC), List.of("clinic-1"), new BigDecimal("800"), "INR");
    private static final DoctorOnboarded ONBOARDED = new DoctorOnboarded("dr-1", "apollo", "Dr Anika Mehta",
            "cardiology", List.of("en", "hi"), Set.of(ConsultationMode.CLINIC), List.of("clinic-1"),
            new BigDecimal("800.00"), "INR");

    private AggregateTestFixture<Doctor> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Doctor.class);
    }

    @Test
    void onboardingPublishesThePublicProfileWithTheFeeInMinorUnits() {
        fixture.givenNoPriorActivity().when(ONBOARD).expectEvents(ONBOARDED);
    }

    @Test
    void onboardingTheSameDoctorAgainChangesNothing() {
        fixture.given(ONBOARDED).when(ONBOARD).expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void onboardingADifferentDoctorUnderATakenIdIsAConflict() {
        fixture.given(ONBOARDED)
                .when(new OnboardDoctor("dr-1", "sunrise", "Someone Else", "dermatology", List.of("en"),
                        Set.of(ConsultationMode.TELEHEALTH), List.of("clinic-9"), BigDecimal.TEN, "GBP"))
                .expectException(IdentityConflict.class)
                .expectNoEvents();
    }

    @Test
    void verificationMakesTheDoctorBookableOnce() {
        fixture.given(ONBOARDED).when(new VerifyDoctor("dr-1")).expectEvents(new DoctorVerified("dr-1", "apollo"));
        fixture.given(ONBOARDED, new DoctorVerified("dr-1", "apollo")).when(new VerifyDoctor("dr-1")).expectNoEvents();
    }

    @Test
    void anUnknownDoctorCannotBeVerified() {
        fixture.givenNoPriorActivity().when(new VerifyDoctor("dr-404")).expectException(AggregateNotFoundException.class);
    }
}
