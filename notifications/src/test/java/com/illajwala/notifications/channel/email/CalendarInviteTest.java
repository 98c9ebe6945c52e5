package com.illajwala.notifications.channel.email;

import com.illajwala.notifications.CalendarCheck;
import com.illajwala.notifications.CalendarCheck.ParsedInvite;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class CalendarInviteTest {

    private static final Instant START = Instant.parse("2026-12-01T03:30:00Z");

    private static CalendarInvite.Appointment appointment(String method, long sequence, String description) {
        return new CalendarInvite.Appointment(method, "appt-1", sequence, START, START.plusSeconds(1800),
                "Appointment with Dr Mehta, cardiology; at Apollo", description, "Apollo Koramangala",
                "http://localhost:8080/appointments/appt-1", "Apollo Koramangala", "no-reply@illajwala.com", "Asha",
                "asha@example.test", Instant.parse("2026-11-24T10:00:00Z"));
    }

    @Test
    void aRequestIsACalendarParsersValidInvitationInUtcWithAStableUid() {
        ParsedInvite invite = CalendarCheck.parse(CalendarInvite.of(appointment(CalendarInvite.REQUEST, 0, "See you")));

        assertThat(invite.method()).isEqualTo("REQUEST");
        assertThat(invite.uid()).isEqualTo("appt-1@illajwala.com");
        assertThat(invite.start()).isEqualTo(START);
        assertThat(invite.end()).isEqualTo(START.plusSeconds(1800));
        assertThat(invite.status()).isEqualTo("CONFIRMED");
        assertThat(invite.summary()).isEqualTo("Appointment with Dr Mehta, cardiology; at Apollo");
    }

    @Test
    void aCancellationCancelsTheSameEventWithAHigherSequence() {
        ParsedInvite invite = CalendarCheck.parse(CalendarInvite.of(appointment(CalendarInvite.CANCEL, 4, "Cancelled")));

        assertThat(invite.method()).isEqualTo("CANCEL");
        assertThat(invite.uid()).isEqualTo("appt-1@illajwala.com");
        assertThat(invite.sequence()).isEqualTo(4);
        assertThat(invite.status()).isEqualTo("CANCELLED");
    }

    @Test
    void longHindiLinesAreFoldedWithinSeventyFiveOctetsAndReadBackWhole() {
        String hindi = "नमस्ते Asha, अपोलो कोरमंगला में डॉ. मेहता के साथ आपका अपॉइंटमेंट मंगलवार 1 दिसंबर 2026 के लिए पक्का हो गया है।\nप्रबंधित करें";
        String ics = CalendarInvite.of(appointment(CalendarInvite.REQUEST, 1, hindi));

        assertThat(ics.split("\r\n")).allSatisfy(line -> assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
        assertThat(CalendarCheck.parse(ics).description()).isEqualTo(hindi);
    }
}
