package com.illajwala.notifications.template;

import com.illajwala.events.notification.NotificationChannel;
import com.illajwala.events.notification.NotificationKind;
import com.illajwala.identity.contact.Contacts;
import com.illajwala.identity.contact.Contacts.ClinicFacts;
import com.illajwala.identity.contact.Contacts.PatientContact;
import com.illajwala.notifications.channel.OutgoingMessage;
import com.illajwala.notifications.channel.OutgoingMessage.CalendarAttachment;
import com.illajwala.notifications.channel.email.CalendarInvite;
import com.illajwala.notifications.delivery.Notification;
import com.illajwala.notifications.inbound.NotificationPlanner;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes a notification's message in the patient's language: the clinic's name, the time in the
 * clinic's time zone (with the zone's name), the doctor's name and the links; for email, the
 * appointment as a calendar invitation when the message changes what the patient's calendar should hold.
 */
public final class MessageComposer {

    private static final Set<NotificationKind> INVITES = EnumSet.of(NotificationKind.APPOINTMENT_CONFIRMED,
            NotificationKind.PAYMENT_RECEIVED, NotificationKind.APPOINTMENT_RESCHEDULED);
    private static final Duration DEFAULT_LENGTH = Duration.ofMinutes(30);

    private final Templates templates;
    private final Contacts contacts;
    private final String publicBaseUrl;
    private final String organizerEmail;
    private final Clock clock;

    /**
     * @param publicBaseUrl  where patients open the apps, e.g. {@code https://illajwala.com}
     * @param organizerEmail the sending address, which invitations name as their organizer
     */
    public MessageComposer(Templates templates, Contacts contacts, String publicBaseUrl, String organizerEmail, Clock clock) {
        this.templates = templates;
        this.contacts = contacts;
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
        this.organizerEmail = organizerEmail;
        this.clock = clock;
    }

    /** The message for this patient, at this address; asks identity for the clinic's and the doctor's names. */
    public Mono<OutgoingMessage> compose(Notification notification, PatientContact patient, String address) {
        Mono<ClinicFacts> clinic = notification.clinicId() == null ? Mono.just(unknownClinic(null))
                : contacts.clinic(notification.clinicId()).defaultIfEmpty(unknownClinic(notification.clinicId()));
        Mono<String> doctor = notification.doctorId() == null ? Mono.just("")
                : contacts.doctorName(notification.doctorId()).defaultIfEmpty("");
        return Mono.zip(clinic, doctor).map(facts -> compose(notification, patient, address, facts.getT1(), facts.getT2()));
    }

    OutgoingMessage compose(Notification notification, PatientContact patient, String address, ClinicFacts clinic,
                            String doctorName) {
        String language = Templates.supported(patient.language());
        Map<String, String> values = values(notification, patient, clinic, doctorName, language);
        String kind = notification.kind().code();
        String subject = templates.render(language, kind + ".subject", values);
        String body = templates.render(language, kind + ".txt", values);
        CalendarAttachment calendar = notification.channel() == NotificationChannel.EMAIL
                ? calendar(notification, patient, address, values, language, body) : null;
        return new OutgoingMessage(notification.channel(), address, patient.name(),
                notification.channel() == NotificationChannel.EMAIL ? subject : null, body, calendar,
                notification.idempotencyKey());
    }

    private Map<String, String> values(Notification notification, PatientContact patient, ClinicFacts clinic,
                                       String doctorName, String language) {
        Map<String, String> values = new HashMap<>();
        values.put("patientName", patient.name() == null ? "" : patient.name());
        values.put("clinicName", clinic.name() == null || clinic.name().isBlank()
                ? templates.render(language, "unknown-clinic.txt", Map.of()) : clinic.name());
        values.put("doctorName", doctorName.isBlank() ? templates.render(language, "unknown-doctor.txt", Map.of()) : doctorName);
        ZoneId zone = ZoneId.of(notification.timezone() != null ? notification.timezone()
                : clinic.timezone() != null ? clinic.timezone() : "UTC");
        if (notification.startsAt() != null) {
            values.put("time", localTime(notification.startsAt(), zone, language));
        }
        if (notification.appointmentId() != null) {
            values.put("manageLink", publicBaseUrl + "/appointments/" + notification.appointmentId());
        }
        if (notification.waitlistEntryId() != null) {
            values.put("waitlistLink", publicBaseUrl + "/waitlist/" + notification.waitlistEntryId());
            values.put("acceptLink", publicBaseUrl + "/waitlist/" + notification.waitlistEntryId() + "/accept");
        }
        notification.details().forEach((key, value) -> values.put(key, String.valueOf(value)));
        Object offerExpiresAt = notification.details().get(NotificationPlanner.OFFER_EXPIRES_AT);
        if (offerExpiresAt != null) {
            values.put(NotificationPlanner.OFFER_EXPIRES_AT, localTime(Instant.parse(offerExpiresAt.toString()), zone, language));
        }
        return values;
    }

    /** E.g. "Tuesday 1 December 2026, 9:00 am IST (Asia/Kolkata)". */
    static String localTime(Instant instant, ZoneId zone, String language) {
        Locale locale = "hi".equals(language) ? Locale.forLanguageTag("hi-IN") : Locale.forLanguageTag("en-IN");
        return DateTimeFormatter.ofPattern("EEEE d MMMM uuuu, h:mm a zzz", locale).format(instant.atZone(zone))
                + " (" + zone.getId() + ")";
    }

    private CalendarAttachment calendar(Notification notification, PatientContact patient, String address,
                                        Map<String, String> values, String language, String body) {
        boolean cancelled = notification.kind() == NotificationKind.APPOINTMENT_CANCELLED;
        if (!(cancelled || INVITES.contains(notification.kind())) || notification.startsAt() == null
                || notification.appointmentId() == null) {
            return null;
        }
        String method = cancelled ? CalendarInvite.CANCEL : CalendarInvite.REQUEST;
        Instant end = notification.endsAt() != null ? notification.endsAt() : notification.startsAt().plus(DEFAULT_LENGTH);
        Object sequence = notification.details().getOrDefault(NotificationPlanner.SEQUENCE, 0);
        String content = CalendarInvite.of(new CalendarInvite.Appointment(method, notification.appointmentId(),
                Long.parseLong(String.valueOf(sequence)), notification.startsAt(), end,
                templates.render(language, "calendar.subject", values), body, values.get("clinicName"),
                values.get("manageLink"), values.get("clinicName"), organizerEmail,
                patient.name() == null ? address : patient.name(), address, clock.instant()));
        return new CalendarAttachment(method, content);
    }

    private static ClinicFacts unknownClinic(String clinicId) {
        return new ClinicFacts(clinicId, null, null);
    }
}
