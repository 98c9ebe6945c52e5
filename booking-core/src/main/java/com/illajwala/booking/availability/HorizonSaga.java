package com.illajwala.booking.availability;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.illajwala.booking.availability.DoctorAvailability.RollHorizon;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * One per doctor availability: at each midnight in the clinic's time zone (a persisted deadline)
 * rolls the horizon forward and publishes the slots of the day that entered it. The roll and its
 * slots are one unit of work; a roll missed while the platform was down happens when it is back.
 */
@Saga
public class HorizonSaga {

    static final String HORIZON_ROLL = "horizon-roll";

    @Autowired
    private transient DeadlineManager deadlines;
    @Autowired
    private transient CommandGateway commands;

    @JsonProperty
    private String availabilityId;
    @JsonProperty
    private String tenantId;
    @JsonProperty
    private String doctorId;
    @JsonProperty
    private String clinicId;
    @JsonProperty
    private String timezone;
    @JsonProperty
    private Instant nextRoll;

    @StartSaga
    @SagaEventHandler(associationProperty = "availabilityId")
    void on(AvailabilitySet set, @Timestamp Instant at) {
        availabilityId = set.availabilityId();
        tenantId = set.tenantId();
        doctorId = set.doctorId();
        clinicId = set.clinicId();
        timezone = set.rules().timezone();
        deadlines.cancelAllWithinScope(HORIZON_ROLL);
        scheduleAfter(at);
    }

    /** Rolls as of the midnight it was due, or now when it fires late. */
    @DeadlineHandler(deadlineName = HORIZON_ROLL)
    void roll() {
        Instant now = GenericEventMessage.clock.instant();
        Instant at = nextRoll.isAfter(now) ? nextRoll : now;
        List<GeneratedSlot> entered = commands.sendAndWait(new RollHorizon(availabilityId, at));
        entered.forEach(slot -> commands.sendAndWait(slot.publication(tenantId, doctorId, clinicId, timezone)));
        scheduleAfter(at);
    }

    private void scheduleAfter(Instant at) {
        ZoneId zone = ZoneId.of(timezone);
        nextRoll = at.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
        deadlines.schedule(nextRoll, HORIZON_ROLL);
    }
}
