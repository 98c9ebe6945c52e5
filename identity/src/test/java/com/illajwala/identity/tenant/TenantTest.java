package com.illajwala.identity.tenant;

import com.illajwala.events.identity.TenantRegistered;
import com.illajwala.identity.IdentityConflict;
import com.illajwala.identity.tenant.Tenant.RegisterTenant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TenantTest {

    private AggregateTestFixture<Tenant> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Tenant.class);
    }

    @Test
    void registersATenantUnderItsSlug() {
        fixture.givenNoPriorActivity().when(new RegisterTenant("apollo", "Apollo Clinics"))
                .expectEvents(new TenantRegistered("apollo", "Apollo Clinics"));
    }

    @Test
    void registeringTheSameTenantAgainChangesNothing() {
        fixture.given(new TenantRegistered("apollo", "Apollo Clinics"))
                .when(new RegisterTenant("apollo", "Apollo Clinics"))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void aTakenSlugIsAConflict() {
        fixture.given(new TenantRegistered("apollo", "Apollo Clinics"))
                .when(new RegisterTenant("apollo", "Another Apollo"))
                .expectException(IdentityConflict.class).expectNoEvents();
    }
}
