package com.illajwala.projections.fhir;

import com.illajwala.events.AppointmentStatus;
import com.illajwala.events.ConsultationMode;
import com.illajwala.projections.appointment.AppointmentView;
import com.illajwala.projections.doctor.ClinicView;
import com.illajwala.projections.fhir.FhirResources.FhirExtension;
import com.illajwala.projections.fhir.FhirResources.FhirLocation;
import com.illajwala.projections.fhir.FhirResources.FhirOperationOutcome;
import com.illajwala.projections.fhir.FhirResources.FhirParticipant;
import com.illajwala.projections.fhir.FhirResources.FhirSlot;
import com.illajwala.projections.slot.SlotView;
import com.illajwala.web.ApiException;
import com.illajwala.web.directory.ClinicAddresses.ClinicAddress;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class FhirMappingTest {

    private static final Instant NINE = Instant.parse("2027-02-01T03:30:00Z");
    private static final String APP = "https://illajwala.test";

    @Test
    void slotStatusesMapToFhirAndCollapseToFreeOrBusyForSmart() {
        Map<SlotView, String> fhir = Map.of(
                slot("open", 1, 0, 0), "free",
                slot("open", 2, 1, 1), "busy-tentative",
                slot("full", 1, 1, 0), "busy",
                slot("blocked", 1, 1, 0), "busy-unavailable",
                slot("withdrawn", 1, 0, 0), "busy-unavailable");
        fhir.forEach((slot, status) -> {
            assertThat(FhirMapping.slot(slot.asSeen(), APP, false).status()).as(slot.status()).isEqualTo(status);
            assertThat(FhirMapping.slot(slot.asSeen(), APP, true).status()).as(slot.status())
                    .isEqualTo(status.equals("free") ? "free" : "busy");
        });
    }

    @Test
    void aFreeSlotLinksToItsDoctorsPageAndAGroupSessionSaysHowManySeatsAreFree() {
        FhirSlot single = FhirMapping.slot(slot("open", 1, 0, 0), APP, true);
        assertThat(single.extension()).extracting(FhirExtension::url, FhirExtension::valueUrl)
                .containsExactly(tuple(FhirMapping.BOOKING_DEEP_LINK,
                        APP + "/doctors/dr%201?slot=slot-1"));
        assertThat(single.schedule().reference()).isEqualTo("Schedule/" + SlotView.scheduleIdOf("dr 1", "clinic-1"));
        assertThat(single.meta().lastUpdated()).isEqualTo(NINE.minusSeconds(60));
        FhirSlot group = FhirMapping.slot(slot("open", 4, 1, 1), APP, true);
        assertThat(group.extension()).extracting(FhirExtension::url, FhirExtension::valueInteger)
                .contains(tuple(FhirMapping.SLOT_CAPACITY, 2));
        assertThat(FhirMapping.slot(slot("full", 1, 1, 0), APP, true).extension()).isNull();
    }

    @Test
    void everyAppointmentStatusHasItsFhirCode() {
        Map<AppointmentStatus, String> codes = Map.of(AppointmentStatus.PENDING, "pending", AppointmentStatus.CONFIRMED, "booked",
                AppointmentStatus.CHECKED_IN, "checked-in", AppointmentStatus.IN_CONSULTATION, "checked-in",
                AppointmentStatus.COMPLETED, "fulfilled", AppointmentStatus.CANCELLED, "cancelled", AppointmentStatus.NO_SHOW, "noshow");
        assertThat(codes.keySet()).containsExactlyInAnyOrder(AppointmentStatus.values());
        codes.forEach((status, code) -> assertThat(FhirMapping.appointment(appointment(status, null)).status()).isEqualTo(code));
    }

    @Test
    void anAppointmentNamesItsPeopleAndPlaceByReferenceOnly() {
        assertThat(FhirMapping.appointment(appointment(AppointmentStatus.CONFIRMED, null)).participant())
                .extracting(participant -> participant.actor().reference())
                .containsExactly("Patient/patient-1", "Practitioner/dr-1", "Location/clinic-1");
        List<FhirParticipant> forAChild = FhirMapping.appointment(appointment(AppointmentStatus.CONFIRMED, "child-1")).participant();
        assertThat(forAChild).extracting(participant -> participant.actor().reference())
                .containsExactly("Patient/child-1", "RelatedPerson/patient-1", "Practitioner/dr-1", "Location/clinic-1");
    }

    @Test
    void aClinicWithoutItsPageStillHasItsCity() {
        ClinicView clinic = new ClinicView("clinic-1", "apollo", "Apollo", "Bengaluru", "Asia/Kolkata", NINE, 1);
        FhirLocation known = FhirMapping.location(clinic, new ClinicAddress("clinic-1", List.of("1 Road"), "Bengaluru",
                "Karnataka", "560001", "IN", "+918000000000"));
        assertThat(known.telecom()).singleElement().satisfies(phone -> assertThat(phone.value()).isEqualTo("+918000000000"));
        assertThat(known.address().state()).isEqualTo("Karnataka");
        FhirLocation unknown = FhirMapping.location(clinic, null);
        assertThat(unknown.telecom()).isNull();
        assertThat(unknown.address().city()).isEqualTo("Bengaluru");
        assertThat(unknown.extension()).singleElement().satisfies(zone -> assertThat(zone.valueCode()).isEqualTo("Asia/Kolkata"));
    }

    @Test
    void aFailureIsAnOperationOutcomeWithAnIssuePerField() {
        FhirOperationOutcome invalid = FhirMapping.outcome(ApiException.invalidField("start", "must be an instant"));
        assertThat(invalid.issue()).singleElement().satisfies(issue -> {
            assertThat(issue.code()).isEqualTo("invalid");
            assertThat(issue.expression()).containsExactly("start");
            assertThat(issue.details().text()).isEqualTo("validation_failed");
        });
        assertThat(FhirMapping.outcome(ApiException.notFound("slot_not_found", "No Slot/x")).issue())
                .singleElement().satisfies(issue -> assertThat(issue.code()).isEqualTo("not-found"));
    }

    private static SlotView slot(String status, int capacity, int booked, int held) {
        return new SlotView("slot-1", "apollo", "dr 1", "clinic-1", NINE, NINE.plusSeconds(1800), "Asia/Kolkata", "2027-02-01",
                capacity, booked, held, Set.of(ConsultationMode.CLINIC), status, SlotView.scheduleIdOf("dr 1", "clinic-1"),
                NINE.minusSeconds(60), 1);
    }

    private static AppointmentView appointment(AppointmentStatus status, String dependentId) {
        return new AppointmentView("appointment-1", "apollo", "slot-1", "dr-1", "clinic-1", "patient-1", dependentId, NINE,
                NINE.plusSeconds(1800), "Asia/Kolkata", ConsultationMode.CLINIC, status, null, null, null, NINE.minusSeconds(3600),
                null, null, null, null, null, null, null, null, 1);
    }
}
