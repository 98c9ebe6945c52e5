package com.illajwala.notifications.template;

import com.illajwala.events.notification.NotificationChannel;
import com.illajwala.events.notification.NotificationKind;
import com.illajwala.identity.contact.Contacts.ClinicFacts;
import com.illajwala.identity.contact.Contacts.PatientContact;
import com.illajwala.notifications.CalendarCheck;
import com.illajwala.notifications.channel.OutgoingMessage;
import com.illajwala.notifications.delivery.Notification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MessageComposerTest {

    private static final Instant START = Instant.parse("2026-12-01T03:30:00Z");
    private final MessageComposer composer = new MessageComposer(new Templates(), null, "https://illajwala.example/",
            "no-reply@illajwala.com", Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC));
    private final ClinicFacts clinic = new ClinicFacts("apollo-koramangala", "Apollo Koramangala", "Asia/Kolkata");

    private static Notification notification(NotificationKind kind, NotificationChannel channel) {
        boolean waitlist = kind.name().startsWith("WAITLIST");
        return new Notification("n-1", "event-1", "subject-1", channel, kind, "apollo", "patient-1",
                waitlist ? null : "appt-1", waitlist ? "entry-1" : null, "dr-anika-mehta", "apollo-koramangala",
                kind == NotificationKind.WAITLIST_OFFER_LAPSED || kind == NotificationKind.WAITLIST_ENTRY_EXPIRED ? null : START,
                START.plusSeconds(1800), "Asia/Kolkata",
                Map.of("sequence", 2, "hoursBefore", 24, "minutesLate", 20, "offerExpiresAt", "2026-11-30T10:15:00Z"),
                "event-1:" + channel.code(), START, 0, Notification.Status.PENDING, null, null);
    }

    private static PatientContact patient(String language) {
        return new PatientContact("patient-1", "Asha", "asha@example.test", "+919800000001", List.of("email", "sms"), language);
    }

    @ParameterizedTest
    @EnumSource(NotificationKind.class)
    void everyKindHasAMessageInEveryLanguageWithNothingLeftToFillIn(NotificationKind kind) {
        for (String language : Templates.LANGUAGES) {
            OutgoingMessage email = composer.compose(notification(kind, NotificationChannel.EMAIL), patient(language),
                    "asha@example.test", clinic, "Dr Anika Mehta");
            OutgoingMessage sms = composer.compose(notification(kind, NotificationChannel.SMS), patient(language),
                    "+919800000001", clinic, "Dr Anika Mehta");

            assertThat(List.of(email.subject(), email.body(), sms.body())).allSatisfy(text -> assertThat(text)
                    .isNotBlank().doesNotContain("{", "}", "null"));
            assertThat(sms.subject()).isNull();
            assertThat(sms.calendar()).isNull();
            assertThat(email.body()).contains(kind.name().startsWith("WAITLIST") ? "Apollo Koramangala" : "Dr Anika Mehta");
        }
    }

    @Test
    void saysTheTimeInTheClinicsZoneWithItsNameAndLinksToTheAppointment() {
        OutgoingMessage message = composer.compose(notification(NotificationKind.APPOINTMENT_CONFIRMED, NotificationChannel.SMS),
                patient("en"), "+919800000001", clinic, "Dr Anika Mehta");

        assertThat(message.body()).contains("Tuesday 1 December 2026, 9:00 am IST (Asia/Kolkata)", "Apollo Koramangala",
                "https://illajwala.example/appointments/appt-1");
        assertThat(message.idempotencyKey()).isEqualTo("event-1:sms");
    }

    @Test
    void aHindiSpeakingPatientGetsHindi() {
        OutgoingMessage message = composer.compose(notification(NotificationKind.APPOINTMENT_CONFIRMED, NotificationChannel.EMAIL),
                patient("hi"), "asha@example.test", clinic, "Dr Anika Mehta");

        assertThat(message.subject()).contains("अपॉइंटमेंट पक्का");
        assertThat(message.body()).contains("नमस्ते Asha", "मंगलवार", "दिसंबर", "(Asia/Kolkata)");
    }

    @Test
    void anUnsupportedLanguageFallsBackToEnglish() {
        OutgoingMessage message = composer.compose(notification(NotificationKind.APPOINTMENT_REMINDER, NotificationChannel.SMS),
                patient("ta"), "+919800000001", clinic, "Dr Anika Mehta");

        assertThat(message.body()).startsWith("Hello Asha, a reminder").contains("in 24 hours");
    }

    @Test
    void aWaitlistOfferLinksToAcceptingItAndSaysUntilWhen() {
        OutgoingMessage message = composer.compose(notification(NotificationKind.WAITLIST_OFFER, NotificationChannel.WHATSAPP),
                patient("en"), "+919800000001", clinic, "Dr Anika Mehta");

        assertThat(message.body()).contains("https://illajwala.example/waitlist/entry-1/accept",
                "until Monday 30 November 2026, 3:45 pm IST (Asia/Kolkata)");
    }

    @Test
    void bookingsAndMovesInviteToTheCalendarAndCancellationsCancelTheInvitation() {
        OutgoingMessage booked = composer.compose(notification(NotificationKind.APPOINTMENT_CONFIRMED, NotificationChannel.EMAIL),
                patient("en"), "asha@example.test", clinic, "Dr Anika Mehta");
        OutgoingMessage cancelled = composer.compose(notification(NotificationKind.APPOINTMENT_CANCELLED, NotificationChannel.EMAIL),
                patient("en"), "asha@example.test", clinic, "Dr Anika Mehta");
        OutgoingMessage reminder = composer.compose(notification(NotificationKind.APPOINTMENT_REMINDER, NotificationChannel.EMAIL),
                patient("en"), "asha@example.test", clinic, "Dr Anika Mehta");

        assertThat(CalendarCheck.parse(booked.calendar().content()).method()).isEqualTo("REQUEST");
        assertThat(CalendarCheck.parse(cancelled.calendar().content()).method()).isEqualTo("CANCEL");
        assertThat(CalendarCheck.parse(cancelled.calendar().content()).uid())
                .isEqualTo(CalendarCheck.parse(booked.calendar().content()).uid());
        assertThat(reminder.calendar()).isNull();
    }
}
