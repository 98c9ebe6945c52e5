package com.illajwala.projections.fhir;

import com.illajwala.projections.appointment.AppointmentView;
import com.illajwala.projections.doctor.ClinicView;
import com.illajwala.projections.doctor.DoctorView;
import com.illajwala.projections.fhir.FhirResources.FhirAddress;
import com.illajwala.projections.fhir.FhirResources.FhirAppointment;
import com.illajwala.projections.fhir.FhirResources.FhirCodeableConcept;
import com.illajwala.projections.fhir.FhirResources.FhirCoding;
import com.illajwala.projections.fhir.FhirResources.FhirContactPoint;
import com.illajwala.projections.fhir.FhirResources.FhirExtension;
import com.illajwala.projections.fhir.FhirResources.FhirIssue;
import com.illajwala.projections.fhir.FhirResources.FhirLocation;
import com.illajwala.projections.fhir.FhirResources.FhirMeta;
import com.illajwala.projections.fhir.FhirResources.FhirOperationOutcome;
import com.illajwala.projections.fhir.FhirResources.FhirParticipant;
import com.illajwala.projections.fhir.FhirResources.FhirReference;
import com.illajwala.projections.fhir.FhirResources.FhirSchedule;
import com.illajwala.projections.fhir.FhirResources.FhirSlot;
import com.illajwala.projections.slot.SlotView;
import com.illajwala.web.ApiException;
import com.illajwala.web.ApiResponse.FieldProblem;
import com.illajwala.web.directory.ClinicAddresses.ClinicAddress;
import org.springframework.lang.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Read models to FHIR R4 resources: plain functions, no I/O. */
public final class FhirMapping {

    static final String BOOKING_DEEP_LINK = "http://fhir-registry.smarthealthit.org/StructureDefinition/booking-deep-link";
    static final String SLOT_CAPACITY = "http://fhir-registry.smarthealthit.org/StructureDefinition/slot-capacity";
    static final String TIMEZONE = "http://hl7.org/fhir/StructureDefinition/timezone";
    static final String SPECIALIZATIONS = "https://illajwala.com/fhir/CodeSystem/specialization";

    private FhirMapping() {
    }

    /**
     * FHIR's {@code Slot.status}: {@code open} is {@code free}; {@code held} (every free seat held by
     * patients checking out) {@code busy-tentative}; {@code full} {@code busy}; {@code blocked} and
     * {@code withdrawn} (no new bookings) {@code busy-unavailable}.
     */
    public static String slotStatus(SlotView seen) {
        return switch (seen.status()) {
            case "open" -> "free";
            case "held" -> "busy-tentative";
            case "full" -> "busy";
            default -> "busy-unavailable";
        };
    }

    /** SMART Scheduling Links know only {@code free} and {@code busy}. */
    static String smartStatus(String fhirStatus) {
        return fhirStatus.startsWith("busy") ? "busy" : fhirStatus;
    }

    /**
     * A slot as FHIR's {@code Slot}, with a deep link to the patient app's page of its doctor (the
     * slot chosen) and, for a free group session, how many seats are free.
     *
     * @param seen           the slot as patients see it ({@link SlotView#asSeen()})
     * @param patientAppBase where the patient app is, e.g. {@code https://illajwala.com}
     */
    public static FhirSlot slot(SlotView seen, String patientAppBase, boolean smart) {
        String status = smart ? smartStatus(slotStatus(seen)) : slotStatus(seen);
        List<FhirExtension> extensions = new ArrayList<>();
        if ("free".equals(status)) {
            extensions.add(new FhirExtension(BOOKING_DEEP_LINK, UriComponentsBuilder.fromUriString(patientAppBase)
                    .path("/doctors/{doctorId}").queryParam("slot", "{slotId}").encode()
                    .buildAndExpand(seen.doctorId(), seen.slotId()).toUriString(), null, null));
            if (seen.capacity() > 1) {
                extensions.add(new FhirExtension(SLOT_CAPACITY, null, seen.capacity() - seen.seatsBooked() - seen.seatsHeld(), null));
            }
        }
        return new FhirSlot("Slot", seen.slotId(), meta(seen.lastUpdated()),
                FhirReference.to("Schedule", SlotView.scheduleIdOf(seen.doctorId(), seen.clinicId())), status,
                seen.start(), seen.end(), extensions.isEmpty() ? null : extensions);
    }

    /** A clinic as FHIR's {@code Location}; without identity's page of it, only its city is known. */
    public static FhirLocation location(ClinicView clinic, @Nullable ClinicAddress address) {
        List<FhirExtension> timezone = List.of(new FhirExtension(TIMEZONE, null, null, clinic.timezone()));
        if (address == null) {
            return new FhirLocation("Location", clinic.clinicId(), meta(clinic.lastUpdated()), clinic.name(), null,
                    new FhirAddress(null, clinic.city(), null, null, null), timezone);
        }
        return new FhirLocation("Location", clinic.clinicId(), meta(clinic.lastUpdated()), clinic.name(),
                List.of(new FhirContactPoint("phone", address.phone())),
                new FhirAddress(address.lines(), address.city(), address.state(), address.postalCode(), address.country()),
                timezone);
    }

    /** A doctor at a clinic as FHIR's {@code Schedule}; it changed when either last did. */
    public static FhirSchedule schedule(DoctorView doctor, ClinicView clinic) {
        String specialization = doctor.specialization();
        FhirCodeableConcept service = new FhirCodeableConcept(List.of(new FhirCoding(SPECIALIZATIONS,
                specialization.toLowerCase(Locale.ROOT).trim().replaceAll("\\s+", "-"), specialization)), specialization);
        return new FhirSchedule("Schedule", SlotView.scheduleIdOf(doctor.doctorId(), clinic.clinicId()),
                meta(later(doctor.lastUpdated(), clinic.lastUpdated())), List.of(service),
                List.of(new FhirReference("Location/" + clinic.clinicId(), clinic.name()),
                        new FhirReference("Practitioner/" + doctor.doctorId(), doctor.name())));
    }

    /**
     * An appointment as FHIR's {@code Appointment}: status by {@link AppointmentView#fhirStatus()},
     * participants as references (the dependent it is for as the Patient, the account holder who
     * booked as a RelatedPerson), and nothing medical: no reason, no notes.
     */
    public static FhirAppointment appointment(AppointmentView appointment) {
        List<FhirParticipant> participants = new ArrayList<>();
        if (appointment.dependentId() == null) {
            participants.add(accepted("Patient", appointment.patientId()));
        } else {
            participants.add(accepted("Patient", appointment.dependentId()));
            participants.add(accepted("RelatedPerson", appointment.patientId()));
        }
        participants.add(accepted("Practitioner", appointment.doctorId()));
        participants.add(accepted("Location", appointment.clinicId()));
        return new FhirAppointment("Appointment", appointment.appointmentId(), appointment.fhirStatus(), appointment.start(),
                appointment.end(), appointment.bookedAt(), List.of(FhirReference.to("Slot", appointment.slotId())),
                participants);
    }

    /** A failure as FHIR's {@code OperationOutcome}: one issue, or one per field at fault. */
    public static FhirOperationOutcome outcome(ApiException failure) {
        String type = issueType(failure.status().value());
        FhirCodeableConcept code = new FhirCodeableConcept(null, failure.toError().code());
        List<FhirIssue> issues = new ArrayList<>();
        if (failure.toError().details() instanceof List<?> problems) {
            for (Object problem : problems) {
                if (problem instanceof FieldProblem field) {
                    issues.add(new FhirIssue("error", type, code, field.field() + " " + field.message(), List.of(field.field())));
                }
            }
        }
        if (issues.isEmpty()) {
            issues.add(new FhirIssue("error", type, code, failure.getMessage(), null));
        }
        return new FhirOperationOutcome("OperationOutcome", issues);
    }

    private static String issueType(int status) {
        return switch (status) {
            case 400 -> "invalid";
            case 401 -> "login";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 429 -> "throttled";
            default -> status >= 500 ? "exception" : "processing";
        };
    }

    private static FhirParticipant accepted(String resourceType, String id) {
        return new FhirParticipant(FhirReference.to(resourceType, id), "accepted");
    }

    private static FhirMeta meta(@Nullable Instant lastUpdated) {
        return lastUpdated == null ? null : new FhirMeta(lastUpdated);
    }

    @Nullable
    static Instant later(@Nullable Instant one, @Nullable Instant other) {
        if (one == null || other == null) {
            return one == null ? other : one;
        }
        return one.isAfter(other) ? one : other;
    }
}
