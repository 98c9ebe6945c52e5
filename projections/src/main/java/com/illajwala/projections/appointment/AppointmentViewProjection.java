package com.illajwala.projections.appointment;

import com.illajwala.events.AppointmentStatus;
import com.illajwala.events.appointment.AppointmentBooked;
import com.illajwala.events.appointment.AppointmentRefunded;
import com.illajwala.events.appointment.AppointmentPaymentRequested;
import com.illajwala.events.appointment.AppointmentCancelled;
import com.illajwala.events.appointment.AppointmentCheckedIn;
import com.illajwala.events.appointment.AppointmentConfirmed;
import com.illajwala.events.appointment.AppointmentCompleted;
import com.illajwala.events.appointment.AppointmentConsultationStarted;
import com.illajwala.events.appointment.AppointmentMarkedNoShow;
import com.illajwala.events.appointment.AppointmentRescheduled;
import com.illajwala.events.appointment.AppointmentEvent;
import com.illajwala.projections.ReadModelWrites;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Keeps {@link AppointmentView}s from the appointment topic. */
@Component
public class AppointmentViewProjection {

    /** @param at when the event was committed: check-ins, consultations and completions keep their time */
    public void on(AppointmentEvent event, long sequence, Instant at, ReadModelWrites writes) {
        if (event instanceof AppointmentBooked booked) {
            writes.create(AppointmentView.COLLECTION, booked.appointmentId(), sequence, new Update()
                    .setOnInsert("tenantId", booked.tenantId())
                    .setOnInsert("slotId", booked.slotId())
                    .setOnInsert("doctorId", booked.doctorId())
                    .setOnInsert("clinicId", booked.clinicId())
                    .setOnInsert("patientId", booked.patientId())
                    .setOnInsert("dependentId", booked.dependentId())
                    .setOnInsert("start", booked.start())
                    .setOnInsert("end", booked.end())
                    .setOnInsert("timezone", booked.timezone())
                    .setOnInsert("mode", booked.mode())
                    .setOnInsert("status", booked.status())
                    .setOnInsert("bookedAt", at));
            return;
        }
        if (event instanceof AppointmentPaymentRequested requested) {
            writes.update(AppointmentView.COLLECTION, requested.appointmentId(), sequence, new Update()
                    .set("amountMinor", requested.amountMinor())
                    .set("currency", requested.currency()));
            return;
        }
        if (event instanceof AppointmentRefunded refunded) {
            writes.update(AppointmentView.COLLECTION, refunded.appointmentId(), sequence, new Update()
                    .addToSet("refundedPaymentIds", refunded.paymentId())
                    .set("refundedAt", at));
            return;
        }
        if (event instanceof AppointmentRescheduled moved) {
            writes.update(AppointmentView.COLLECTION, moved.appointmentId(), sequence, new Update()
                    .set("slotId", moved.slotId())
                    .set("doctorId", moved.doctorId())
                    .set("clinicId", moved.clinicId())
                    .set("start", moved.start())
                    .set("end", moved.end())
                    .set("timezone", moved.timezone()));
            return;
        }
        AppointmentStatus status;
        Update update = new Update();
        if (event instanceof AppointmentConfirmed confirmed) {
            status = AppointmentStatus.CONFIRMED;
            if (confirmed.paymentId() != null) {
                update.set("paymentId", confirmed.paymentId()).set("paidAt", at);
            }
        } else if (event instanceof AppointmentCheckedIn) {
            status = AppointmentStatus.CHECKED_IN;
            update.set("checkedInAt", at);
        } else if (event instanceof AppointmentConsultationStarted) {
            status = AppointmentStatus.IN_CONSULTATION;
            update.set("consultationStartedAt", at);
        } else if (event instanceof AppointmentCompleted) {
            status = AppointmentStatus.COMPLETED;
            update.set("completedAt", at);
        } else if (event instanceof AppointmentCancelled cancelled) {
            status = AppointmentStatus.CANCELLED;
            update.set("cancelledAt", at).set("cancelledBy", cancelled.cancelledBy());
        } else if (event instanceof AppointmentMarkedNoShow) {
            status = AppointmentStatus.NO_SHOW;
        } else {
            return;
        }
        writes.update(AppointmentView.COLLECTION, event.appointmentId(), sequence, update.set("status", status));
    }
}
