package com.illajwala.notifications;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.validate.ValidationResult;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;

/** Reads an iCalendar object with ical4j, a real calendar parser, and validates it. */
public final class CalendarCheck {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** What a calendar read of the invitation. */
    public record ParsedInvite(String method, String uid, int sequence, Instant start, Instant end, String status,
                               String summary, String description) {
    }

    private CalendarCheck() {
    }

    public static ParsedInvite parse(String ics) {
        try {
            Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
            ValidationResult validation = calendar.validate();
            if (validation.hasErrors()) {
                throw new AssertionError("Invalid calendar: " + validation + "\n" + ics);
            }
            VEvent event = calendar.<VEvent>getComponent(Component.VEVENT).orElseThrow();
            return new ParsedInvite(value(calendar.getProperty(Property.METHOD)), value(event.getProperty(Property.UID)),
                    Integer.parseInt(value(event.getProperty(Property.SEQUENCE))),
                    Instant.from(UTC.parse(value(event.getProperty(Property.DTSTART)))),
                    Instant.from(UTC.parse(value(event.getProperty(Property.DTEND)))),
                    value(event.getProperty(Property.STATUS)), value(event.getProperty(Property.SUMMARY)),
                    value(event.getProperty(Property.DESCRIPTION)));
        } catch (IOException | ParserException e) {
            throw new AssertionError("Unparsable calendar:\n" + ics, e);
        }
    }

    private static String value(java.util.Optional<? extends Property> property) {
        return property.map(Property::getValue).orElse(null);
    }
}
