package com.illajwala.booking.appointment;

import com.illajwala.booking.appointment.AppointmentCommands.ExpireUnpaid;
import com.illajwala.events.AppointmentStatus;
import com.illajwala.events.appointment.AppointmentBooked;
import com.illajwala.events.appointment.AppointmentCancelled;
import com.illajwala.events.appointment.AppointmentConfirmed;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;

/**
 * One per appointment booked with an online payment: its seat stays taken while the patient pays,
 * for the payment window at most (a persisted deadline). Paid in time, the saga ends; not paid,
 * the appointment is cancelled and the seat released.
 */
@Saga
public class PaymentSaga {

    static final String PAYMENT_WINDOW = "payment-window";

    @Autowired
    private transient DeadlineManager deadlines;
    @Autowired
    private transient CommandGateway commands;
    @Autowired
    private transient PaymentPolicy policy;

    @com.fasterxml.jackson.annotation.JsonProperty
    private String appointmentId;
    /** The payment window's deadline id; absent in a saga stored before it was kept. */
    @com.fasterxml.jackson.annotation.JsonProperty
    private String windowId;

    @StartSaga
    @SagaEventHandler(associationProperty = "appointmentId")
    void on(AppointmentBooked booked, @Timestamp Instant bookedAt) {
        appointmentId = booked.appointmentId();
        if (booked.status() != AppointmentStatus.PENDING) {
            SagaLifecycle.end();
            return;
        }
        windowId = deadlines.schedule(bookedAt.plus(policy.window()), PAYMENT_WINDOW);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "appointmentId")
    void on(AppointmentConfirmed confirmed) {
        cancelWindow();
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "appointmentId")
    void on(AppointmentCancelled cancelled) {
        cancelWindow();
    }

    /** By id, as the reminder saga does: by scope reads back every deadline on the platform. */
    private void cancelWindow() {
        if (windowId == null) {
            deadlines.cancelAllWithinScope(PAYMENT_WINDOW);
        } else {
            deadlines.cancelSchedule(PAYMENT_WINDOW, windowId);
        }
    }

    @DeadlineHandler(deadlineName = PAYMENT_WINDOW)
    void windowPassed() {
        commands.sendAndWait(new ExpireUnpaid(appointmentId));
    }
}
