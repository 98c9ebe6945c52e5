package com.illajwala.identity.clinic;

import com.illajwala.events.identity.WaitlistPolicy;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.lang.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * A clinic (one location of a tenant) with everything the clinic publishes about itself. Only
 * the public facts (name, slug, time zone, city) travel in events; the rest is read from here.
 */
@Document(ClinicDocument.COLLECTION)
public record ClinicDocument(
        @Id String id,
        String tenantId,
        String name,
        String slug,
        String timezone,
        Address address,
        Contact contact,
        CapacitySettings capacity,
        WaitlistPolicy waitlistPolicy,
        BookingPolicy bookingPolicy,
        Instant createdAt) {

    public static final String COLLECTION = "clinics";

    public record Address(String line1, @Nullable String line2, String city, @Nullable String state, String postalCode,
                          String country) {
    }

    public record Contact(String phone, String email) {
    }

    /**
     * @param maxAppointmentsPerDoctorPerDay a ceiling on one doctor's bookings in a day
     * @param groupSessionSeats              seats of a group session unless a doctor's rules say otherwise
     */
    public record CapacitySettings(int maxAppointmentsPerDoctorPerDay, int groupSessionSeats) {

        public static CapacitySettings defaults() {
            return new CapacitySettings(40, 4);
        }
    }

    /**
     * The clinic's booking rules, which booking-core applies.
     *
     * @param cancellationNoticeHours patients may cancel or move an appointment until this long before it
     * @param reminderHoursBefore     when patients are reminded of a confirmed appointment
     */
    public record BookingPolicy(int cancellationNoticeHours, List<Integer> reminderHoursBefore) {

        public static BookingPolicy defaults() {
            return new BookingPolicy(2, List.of(24, 2));
        }
    }
}
