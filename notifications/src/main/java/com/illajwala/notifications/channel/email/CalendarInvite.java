package com.illajwala.notifications.channel.email;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * An iCalendar (RFC 5545) object with one VEVENT, as an iTIP (RFC 5546) {@code REQUEST} — the
 * appointment as it now stands — or {@code CANCEL}. Times are in UTC; the clinic's time zone is named
 * in the description. The UID is the appointment's, so a calendar updates (a higher {@code SEQUENCE})
 * or removes the one event it already has.
 */
public final class CalendarInvite {

    public static final String REQUEST = "REQUEST";
    public static final String CANCEL = "CANCEL";
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final int LONGEST_LINE_OCTETS = 75;
    private static final String CRLF = "\r\n";

    private CalendarInvite() {
    }

    /**
     * @param sequence  grows with every change of the appointment (its events' sequence numbers)
     * @param organizer the clinic's sending address, as iTIP requires one
     */
    public record Appointment(String method, String appointmentId, long sequence, Instant start, Instant end,
                              String summary, String description, String location, String url,
                              String organizerName, String organizerEmail, String attendeeName, String attendeeEmail,
                              Instant stamp) {
    }

    public static String of(Appointment appointment) {
        boolean cancel = CANCEL.equals(appointment.method());
        StringBuilder calendar = new StringBuilder();
        line(calendar, "BEGIN:VCALENDAR");
        line(calendar, "VERSION:2.0");
        line(calendar, "PRODID:-//Illajwala//Appointments//EN");
        line(calendar, "CALSCALE:GREGORIAN");
        line(calendar, "METHOD:" + appointment.method());
        line(calendar, "BEGIN:VEVENT");
        line(calendar, "UID:" + uid(appointment.appointmentId()));
        line(calendar, "SEQUENCE:" + appointment.sequence());
        line(calendar, "DTSTAMP:" + UTC.format(appointment.stamp()));
        line(calendar, "DTSTART:" + UTC.format(appointment.start()));
        line(calendar, "DTEND:" + UTC.format(appointment.end()));
        line(calendar, "SUMMARY:" + text(appointment.summary()));
        line(calendar, "DESCRIPTION:" + text(appointment.description()));
        line(calendar, "LOCATION:" + text(appointment.location()));
        line(calendar, "URL:" + appointment.url());
        line(calendar, "STATUS:" + (cancel ? "CANCELLED" : "CONFIRMED"));
        line(calendar, "ORGANIZER;CN=" + parameter(appointment.organizerName()) + ":mailto:" + appointment.organizerEmail());
        line(calendar, "ATTENDEE;CN=" + parameter(appointment.attendeeName())
                + ";ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE:mailto:" + appointment.attendeeEmail());
        line(calendar, "END:VEVENT");
        line(calendar, "END:VCALENDAR");
        return calendar.toString();
    }

    /** The same for every message about one appointment. */
    public static String uid(String appointmentId) {
        return appointmentId + "@illajwala.com";
    }

    /** TEXT values escape backslashes, semicolons, commas and line breaks. */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\r\n", "\\n").replace("\n", "\\n");
    }

    /** A parameter value in quotes, without the characters a quoted value cannot hold. */
    private static String parameter(String value) {
        return "\"" + value.replace("\"", "'").replace("\r", " ").replace("\n", " ") + "\"";
    }

    /** Folds content lines longer than 75 octets, never inside a UTF-8 character (Hindi text is three octets a letter). */
    private static void line(StringBuilder calendar, String content) {
        int octets = 0;
        int limit = LONGEST_LINE_OCTETS;
        for (int index = 0; index < content.length(); ) {
            int codePoint = content.codePointAt(index);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                calendar.append(CRLF).append(' ');
                octets = 0;
                limit = LONGEST_LINE_OCTETS - 1; // the leading space counts
            }
            calendar.appendCodePoint(codePoint);
            octets += size;
            index += Character.charCount(codePoint);
        }
        calendar.append(CRLF);
    }
}
