package com.illajwala.notifications.channel.email;

import com.illajwala.events.notification.NotificationChannel;
import com.illajwala.notifications.channel.ChannelSender;
import com.illajwala.notifications.channel.OutgoingMessage;
import com.illajwala.notifications.channel.ProviderRejection;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;

/**
 * Email over SMTP, with the appointment's calendar invitation attached as {@code appointment.ics}.
 * SMTP has no idempotency key: the message's {@code Message-ID} is derived from the notification's,
 * so a message sent twice after a crash is one message to a mail client that deduplicates by it.
 */
public final class SmtpEmailSender implements ChannelSender {

    private final JavaMailSenderImpl mail;
    private final InternetAddress from;

    public SmtpEmailSender(JavaMailSenderImpl mail, String from) {
        this.mail = mail;
        try {
            this.from = new InternetAddress(from, true);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("illajwala.notifications.email.from is not an address: " + from, e);
        }
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.EMAIL;
    }

    /** The address invitations name as their organizer. */
    public String fromAddress() {
        return from.getAddress();
    }

    @Override
    public Mono<String> send(OutgoingMessage message) {
        return Mono.fromCallable(() -> {
            String messageId = "<" + message.idempotencyKey().replaceAll("[^A-Za-z0-9._-]", ".") + "@illajwala.com>";
            MimeMessage mime = new MimeMessage(mail.getSession()) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", messageId);
                }
            };
            MimeMessageHelper helper = new MimeMessageHelper(mime, true, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(recipient(message));
            helper.setSubject(message.subject());
            helper.setText(message.body());
            if (message.calendar() != null) {
                helper.addAttachment("appointment.ics", new ByteArrayDataSource(
                        message.calendar().content().getBytes(StandardCharsets.UTF_8),
                        "text/calendar; charset=UTF-8; method=" + message.calendar().method()));
            }
            try {
                mail.send(mime);
            } catch (MailSendException e) {
                if (hasCause(e, SendFailedException.class)) {
                    throw new ProviderRejection("The mail server refused the recipient", e);
                }
                throw e;
            }
            return messageId;
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private static InternetAddress recipient(OutgoingMessage message) throws UnsupportedEncodingException {
        return new InternetAddress(message.to(), message.recipientName(), StandardCharsets.UTF_8.name());
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
            if (cause instanceof MailSendException send) {
                for (Exception inner : send.getMessageExceptions()) {
                    if (type.isInstance(inner)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
