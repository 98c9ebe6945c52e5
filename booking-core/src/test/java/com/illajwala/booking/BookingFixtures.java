package com.illajwala.booking;

import com.illajwala.booking.doctor.BookingDirectory;
import com.illajwala.booking.slot.SlotCommands.PublishSlot;
import com.illajwala.eventstore.command.CommandDispatcher;
import com.illajwala.events.ConsultationMode;
import com.illajwala.events.identity.WaitlistPolicy;
import com.illajwala.identity.clinic.Clinic.RegisterClinic;
import com.illajwala.identity.doctor.Doctor.OnboardDoctor;
import com.illajwala.identity.doctor.Doctor.VerifyDoctor;
import org.springframework.context.ApplicationContext;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.awaitility.Awaitility.await;

/**
 * Verified doctors and their slots, made through the real commands, for integration tests here and
 * in the platform's.
 */
public final class BookingFixtures {

    public static final Set<ConsultationMode> IN_CLINIC_OR_TELEHEALTH = Set.of(ConsultationMode.CLINIC, ConsultationMode.TELEHEALTH);

    private final CommandDispatcher commands;
    private final BookingDirectory directory;

    public BookingFixtures(ApplicationContext context) {
        this.commands = context.getBean(CommandDispatcher.class);
        this.directory = context.getBean(BookingDirectory.class);
    }

    /** Onboards and verifies the doctor at clinic-1 (both idempotent) and waits until booking-core counts them bookable. */
    public void verifiedDoctor(String tenantId, String doctorId) {
        verifiedDoctorAt(tenantId, doctorId, "clinic-1");
    }

    /** Registers a clinic through identity's command and waits until booking-core knows its time zone. */
    public void registeredClinic(String tenantId, String clinicId, String timezone) {
        registeredClinic(tenantId, clinicId, timezone, 2);
    }

    /** A clinic whose patients may cancel until {@code cancellationNoticeHours} before. */
    public void registeredClinic(String tenantId, String clinicId, String timezone, int cancellationNoticeHours) {
        registeredClinic(tenantId, clinicId, timezone, cancellationNoticeHours, WaitlistPolicy.defaults());
    }

    /** A clinic with its own waitlist policy. */
    public void registeredClinic(String tenantId, String clinicId, String timezone, int cancellationNoticeHours,
                                 WaitlistPolicy waitlistPolicy) {
        commands.send(new RegisterClinic(clinicId, tenantId, "Clinic " + clinicId, clinicId, timezone, "Bengaluru",
                        cancellationNoticeHours, List.of(24, 2), waitlistPolicy))
                .block(Duration.ofSeconds(10));
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.clinic(clinicId).isPresent());
    }

    /** Onboards and verifies a doctor practising at the clinic. */
    public void verifiedDoctorAt(String tenantId, String doctorId, String clinicId) {
        commands.send(new OnboardDoctor(doctorId, tenantId, "Dr " + doctorId, "general medicine", List.of("en"),
                        IN_CLINIC_OR_TELEHEALTH, List.of(clinicId), BigDecimal.valueOf(500), "INR"))
                .then(commands.send(new VerifyDoctor(doctorId)))
                .block(Duration.ofSeconds(10));
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.isBookable(doctorId));
    }

    /** Publishes a 30-minute slot at clinic-1 of an already verified doctor. */
    public PublishSlot slot(String tenantId, String doctorId, Instant start, int capacity, Set<ConsultationMode> modes) {
        return slotAt(tenantId, doctorId, "clinic-1", start, capacity, modes);
    }

    public PublishSlot slotAt(String tenantId, String doctorId, String clinicId, Instant start, int capacity,
                              Set<ConsultationMode> modes) {
        return slotAt(tenantId, doctorId, clinicId, start, capacity, modes, "Asia/Kolkata");
    }

    /** A slot in the time zone of its clinic, for tests that read it back by the clinic's day. */
    public PublishSlot slotAt(String tenantId, String doctorId, String clinicId, Instant start, int capacity,
                              Set<ConsultationMode> modes, String timezone) {
        PublishSlot command = PublishSlot.of(tenantId, doctorId, clinicId, start, start.plus(Duration.ofMinutes(30)),
                timezone, capacity, modes);
        commands.send(command).block(Duration.ofSeconds(10));
        return command;
    }

    /** A slot of a doctor of its own, verified first. */
    public PublishSlot slotOfNewDoctor(String tenantId, String doctorId, Instant start, int capacity,
                                       Set<ConsultationMode> modes) {
        verifiedDoctor(tenantId, doctorId);
        return slot(tenantId, doctorId, start, capacity, modes);
    }
}
