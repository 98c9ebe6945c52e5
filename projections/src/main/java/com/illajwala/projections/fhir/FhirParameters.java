package com.illajwala.projections.fhir;

import com.illajwala.web.ApiException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Reading the time parameters of the FHIR and SMART routes. */
final class FhirParameters {

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private FhirParameters() {
    }

    /**
     * An instant ({@code 2026-12-01T09:00:00Z}, any offset) or a date (its start in UTC) within FHIR's
     * years 1–9999, which MongoDB's dates hold too; anything else is a 400 naming the parameter.
     */
    static Instant instant(String text, String parameter) {
        try {
            Instant value = text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
            if (value.isBefore(EARLIEST) || value.isAfter(LATEST)) {
                throw ApiException.invalidField(parameter, "must be within the years 1 to 9999");
            }
            return value;
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField(parameter,
                    "must be an instant such as 2026-12-01T09:00:00Z or a date such as 2026-12-01 (after ge, gt, le or lt for start)");
        }
    }
}
