package com.illajwala.booking;

import com.illajwala.booking.doctor.BookableDoctors;
import com.illajwala.booking.slot.SlotCommands.PublishSlot;
import com.illajwala.eventstore.command.CommandDispatcher;
import com.illajwala.events.ConsultationMode;
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
    private final BookableDoctors doctors;

    public BookingFixtures(ApplicationContext context) {
        this.commands = context.getBean(CommandDispatcher.class);
        this.doctors = context.getBean(BookableDoctors.class);
    }

    /** Onboards and verifies the doctor (both idempotent) and waits until booking-core counts them bookable. */
    public void verifiedDoctor(String tenantId, String doctorId) {
        commands.send(new OnboardDoctor(doctorId, tenantId, "Dr " + doctorId, "general medicine", List.of("en"),
                        IN_CLINIC_OR_TELEHEALTH, List.of("clinic-1"), BigDecimal.valueOf(500), "INR"))
                .then(commands.send(new VerifyDoctor(doctorId)))
                .block(Duration.ofSeconds(10));
        await().atMost(Duration.ofSeconds(30)).until(() -> doctors.isBookable(doctorId));
    }

    /** Publishes a 30-minute slot at clinic-1 of an already verified doctor. */
    public PublishSlot slot(String tenantId, String doctorId, Instant start, int capacity, Set<ConsultationMode> modes) {
        PublishSlot command = PublishSlot.of(tenantId, doctorId, "clinic-1", start, start.plus(Duration.ofMinutes(30)),
                "Asia/Kolkata", capacity, modes);
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
