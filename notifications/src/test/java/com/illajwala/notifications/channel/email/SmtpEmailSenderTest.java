package com.illajwala.notifications.channel.email;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.illajwala.events.notification.NotificationChannel;
import com.illajwala.notifications.CalendarCheck;
import com.illajwala.notifications.channel.OutgoingMessage;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SmtpEmailSenderTest {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Test
    void sendsTheTextWithTheInvitationAttachedAndAMessageIdFromTheIdempotencyKey() throws Exception {
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(smtp.getSmtp().getPort());
        SmtpEmailSender sender = new SmtpEmailSender(mail, "Illajwala <no-reply@illajwala.com>");
        Instant start = Instant.parse("2026-12-01T03:30:00Z");
        String ics = CalendarInvite.of(new CalendarInvite.Appointment(CalendarInvite.REQUEST, "appt-1", 0, start,
                start.plusSeconds(1800), "Appointment", "नमस्ते", "Apollo", "http://localhost:8080/appointments/appt-1",
                "Apollo", sender.fromAddress(), "Asha", "asha@example.test", start));

        String messageId = sender.send(new OutgoingMessage(NotificationChannel.EMAIL, "asha@example.test", "Asha",
                "अपॉइंटमेंट पक्का", "नमस्ते Asha", new OutgoingMessage.CalendarAttachment("REQUEST", ics), "event-1:email")).block();

        MimeMessage received = smtp.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("अपॉइंटमेंट पक्का");
        assertThat(received.getMessageID()).isEqualTo(messageId).isEqualTo("<event-1.email@illajwala.com>");
        Multipart parts = (Multipart) received.getContent();
        BodyPart calendar = null;
        for (int index = 0; index < parts.getCount(); index++) {
            if (parts.getBodyPart(index).getContentType().startsWith("text/calendar")) {
                calendar = parts.getBodyPart(index);
            }
        }
        assertThat(calendar).isNotNull();
        assertThat(calendar.getFileName()).isEqualTo("appointment.ics");
        assertThat(calendar.getContentType()).contains("method=REQUEST");
        assertThat(CalendarCheck.parse(new String(calendar.getInputStream().readAllBytes(), "UTF-8")).uid())
                .isEqualTo("appt-1@illajwala.com");
        assertThat(GreenMailUtil.getBody(received)).isNotEmpty();
    }
}
