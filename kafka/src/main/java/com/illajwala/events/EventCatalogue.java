package com.illajwala.events;

import com.illajwala.events.appointment.AppointmentBooked;
import com.illajwala.events.appointment.AppointmentCancelled;
import com.illajwala.events.appointment.AppointmentCheckedIn;
import com.illajwala.events.appointment.AppointmentConfirmed;
import com.illajwala.events.appointment.AppointmentConsultationStarted;
import com.illajwala.events.appointment.AppointmentPaymentRequested;
import com.illajwala.events.appointment.AppointmentRefunded;
import com.illajwala.events.appointment.LatePaymentReceived;
import com.illajwala.events.appointment.AppointmentCompleted;
import com.illajwala.events.appointment.AppointmentMarkedNoShow;
import com.illajwala.events.appointment.AppointmentRescheduled;
import com.illajwala.events.appointment.AppointmentReminderDue;
import com.illajwala.events.identity.ClinicRegistered;
import com.illajwala.events.identity.DoctorOnboarded;
import com.illajwala.events.identity.DoctorVerified;
import com.illajwala.events.identity.TenantRegistered;
import com.illajwala.events.slot.SlotPublished;
import com.illajwala.events.slot.SlotSeatBooked;
import com.illajwala.events.slot.SlotBlocked;
import com.illajwala.events.slot.SlotHoldEnded;
import com.illajwala.events.slot.SlotSeatHeld;
import com.illajwala.events.slot.SlotReopened;
import com.illajwala.events.slot.SlotSeatReleased;
import com.illajwala.events.slot.SlotWithdrawn;

import com.illajwala.events.notification.NotificationCapped;
import com.illajwala.events.notification.NotificationFailed;
import com.illajwala.events.notification.NotificationSent;
import com.illajwala.events.notification.NotificationSkipped;
import com.illajwala.events.schedule.DoctorRunningLate;
import com.illajwala.events.waitlist.WaitlistEntryBooked;
import com.illajwala.events.waitlist.WaitlistEntryExpired;
import com.illajwala.events.waitlist.WaitlistEntryWithdrawn;
import com.illajwala.events.waitlist.WaitlistJoined;
import com.illajwala.events.waitlist.WaitlistOfferDeclined;
import com.illajwala.events.waitlist.WaitlistOfferLapsed;
import com.illajwala.events.waitlist.WaitlistOfferMade;
import com.illajwala.events.waitlist.WaitlistUrgencySet;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every event type of the contract, named explicitly so that a Java rename never breaks a consumer. */
public final class EventCatalogue {

    private static final List<EventType<?>> TYPES = List.of(
            new EventType<>("com.illajwala.slot.published.v1", SlotPublished.class, Topic.SLOT),
            new EventType<>("com.illajwala.slot.seat-booked.v1", SlotSeatBooked.class, Topic.SLOT),
            new EventType<>("com.illajwala.slot.seat-released.v1", SlotSeatReleased.class, Topic.SLOT),
            new EventType<>("com.illajwala.slot.withdrawn.v1", SlotWithdrawn.class, Topic.SLOT),
            new EventType<>("com.illajwala.slot.blocked.v1", SlotBlocked.class, Topic.SLOT),
            new EventType<>("com.illajwala.slot.reopened.v1", SlotReopened.class, Topic.SLOT),
            new EventType<>("com.illajwala.slot.seat-held.v1", SlotSeatHeld.class, Topic.SLOT),
            new EventType<>("com.illajwala.slot.hold-ended.v1", SlotHoldEnded.class, Topic.SLOT),
            new EventType<>("com.illajwala.appointment.booked.v1", AppointmentBooked.class, Topic.APPOINTMENT),
            new EventType<>("com.illajwala.appointment.payment-requested.v1", AppointmentPaymentRequested.class, Topic.APPOINTMENT),
            new EventType<>("com.illajwala.appointment.confirmed.v1", AppointmentConfirmed.class, Topic.APPOINTMENT),
            new EventType<>("com.illajwala.appointment.late-payment-received.v1", LatePaymentReceived.class, Topic.APPOINTMENT),
            new EventType<>("com.illajwala.appointment.refunded.v1", AppointmentRefunded.class, Topic.APPOINTMENT),
            new EventType<>("com.illajwala.appointment.checked-in.v1", AppointmentCheckedIn.class, Topic.APPOINTMENT),
            new EventType<>("com.illajwala.appointment.consultation-started.v1", AppointmentConsultationStarted.class, Topic.APPOINTMENT),
            new EventType<>("com.illajwala.appointment.completed.v1", AppointmentCompleted.class, Topic.APPOINTMENT),
            new EventType<>("com.illajwala.appointment.cancelled.v1", AppointmentCancelled.class, Topic.APPOINTMENT),
            new EventType<>("com.illajwala.appointment.no-show.v1", AppointmentMarkedNoShow.class, Topic.APPOINTMENT),
            new EventType<>("com.illajwala.appointment.rescheduled.v1", AppointmentRescheduled.class, Topic.APPOINTMENT),
            new EventType<>("com.illajwala.appointment.reminder-due.v1", AppointmentReminderDue.class, Topic.APPOINTMENT),
            new EventType<>("com.illajwala.waitlist.joined.v1", WaitlistJoined.class, Topic.WAITLIST),
            new EventType<>("com.illajwala.waitlist.urgency-set.v1", WaitlistUrgencySet.class, Topic.WAITLIST),
            new EventType<>("com.illajwala.waitlist.offer-made.v1", WaitlistOfferMade.class, Topic.WAITLIST),
            new EventType<>("com.illajwala.waitlist.offer-declined.v1", WaitlistOfferDeclined.class, Topic.WAITLIST),
            new EventType<>("com.illajwala.waitlist.offer-lapsed.v1", WaitlistOfferLapsed.class, Topic.WAITLIST),
            new EventType<>("com.illajwala.waitlist.booked.v1", WaitlistEntryBooked.class, Topic.WAITLIST),
            new EventType<>("com.illajwala.waitlist.expired.v1", WaitlistEntryExpired.class, Topic.WAITLIST),
            new EventType<>("com.illajwala.waitlist.withdrawn.v1", WaitlistEntryWithdrawn.class, Topic.WAITLIST),
            new EventType<>("com.illajwala.tenant.registered.v1", TenantRegistered.class, Topic.IDENTITY),
            new EventType<>("com.illajwala.clinic.registered.v1", ClinicRegistered.class, Topic.IDENTITY),
            new EventType<>("com.illajwala.doctor.onboarded.v1", DoctorOnboarded.class, Topic.IDENTITY),
            new EventType<>("com.illajwala.doctor.verified.v1", DoctorVerified.class, Topic.IDENTITY),
            new EventType<>("com.illajwala.doctor.running-late.v1", DoctorRunningLate.class, Topic.SCHEDULE),
            new EventType<>("com.illajwala.notification.sent.v1", NotificationSent.class, Topic.NOTIFICATION),
            new EventType<>("com.illajwala.notification.skipped.v1", NotificationSkipped.class, Topic.NOTIFICATION),
            new EventType<>("com.illajwala.notification.capped.v1", NotificationCapped.class, Topic.NOTIFICATION),
            new EventType<>("com.illajwala.notification.failed.v1", NotificationFailed.class, Topic.NOTIFICATION));

    private static final Map<Class<?>, EventType<?>> BY_CLASS =
            TYPES.stream().collect(Collectors.toUnmodifiableMap(EventType::javaType, Function.identity()));
    private static final Map<String, EventType<?>> BY_NAME =
            TYPES.stream().collect(Collectors.toUnmodifiableMap(EventType::name, Function.identity()));

    private EventCatalogue() {
    }

    /** All event types, in catalogue order. */
    public static List<EventType<?>> all() {
        return TYPES;
    }

    /** The type of an event record; every record of the contract is catalogued. */
    public static EventType<?> typeOf(IllajwalaEvent event) {
        EventType<?> type = BY_CLASS.get(event.getClass());
        if (type == null) {
            throw new IllegalArgumentException("Event class is not in the catalogue: " + event.getClass().getName());
        }
        return type;
    }

    /** The type with the given {@code ce_type}, if this version of the contract knows it. */
    public static Optional<EventType<?>> byName(String ceType) {
        return Optional.ofNullable(BY_NAME.get(ceType));
    }
}
