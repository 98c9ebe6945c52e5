package com.illajwala.projections.fhir;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.lang.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * The FHIR R4 resources and data types the FHIR routes and the SMART Scheduling Links files answer
 * with, as far as we fill them in. Each leaves out what it does not have (FHIR has no nulls).
 */
public final class FhirResources {

    private FhirResources() {
    }

    /** @param lastUpdated when the resource last changed: its last event's commit time */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FhirMeta(Instant lastUpdated) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FhirReference(String reference, @Nullable String display) {

        static FhirReference to(String resourceType, String id) {
            return new FhirReference(resourceType + "/" + id, null);
        }
    }

    /** An extension with one of the value types we use. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FhirExtension(String url, @Nullable String valueUrl, @Nullable Integer valueInteger,
                                @Nullable String valueCode) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FhirCoding(String system, String code, String display) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FhirCodeableConcept(@Nullable List<FhirCoding> coding, String text) {
    }

    /** @param system {@code phone} */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FhirContactPoint(String system, String value) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FhirAddress(@Nullable List<String> line, String city, @Nullable String state,
                              @Nullable String postalCode, @Nullable String country) {
    }

    /** A clinic. {@code telecom} and the street address are missing only when identity has no page for the clinic. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FhirLocation(String resourceType, String id, @Nullable FhirMeta meta, String name,
                               @Nullable List<FhirContactPoint> telecom, FhirAddress address,
                               List<FhirExtension> extension) {
    }

    /** A doctor's calendar at one clinic: {@code actor} names the Location first, then the Practitioner. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FhirSchedule(String resourceType, String id, @Nullable FhirMeta meta,
                               List<FhirCodeableConcept> serviceType, List<FhirReference> actor) {
    }

    /** @param status {@code free}, {@code busy}, {@code busy-tentative} or {@code busy-unavailable} */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FhirSlot(String resourceType, String id, @Nullable FhirMeta meta, FhirReference schedule, String status,
                           Instant start, Instant end, @Nullable List<FhirExtension> extension) {
    }

    /** @param status {@code accepted} */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FhirParticipant(FhirReference actor, String status) {
    }

    /** An appointment without anything medical: who, where, when and its status, never the reason. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FhirAppointment(String resourceType, String id, String status, Instant start, Instant end,
                                  Instant created, List<FhirReference> slot, List<FhirParticipant> participant) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FhirBundleLink(String relation, String url) {
    }

    /** @param mode {@code match} */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FhirBundleSearch(String mode) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FhirBundleEntry(String fullUrl, FhirSlot resource, FhirBundleSearch search) {
    }

    /** The answer to a Slot search: a {@code searchset}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FhirBundle(String resourceType, String type, int total, List<FhirBundleLink> link,
                             List<FhirBundleEntry> entry) {
    }

    /**
     * @param code        FHIR's issue type: {@code invalid}, {@code not-found}, {@code login}, {@code forbidden}…
     * @param details     our stable error code, as on every other route
     * @param expression  the request parameter at fault, for {@code invalid}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FhirIssue(String severity, String code, FhirCodeableConcept details, String diagnostics,
                            @Nullable List<String> expression) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FhirOperationOutcome(String resourceType, List<FhirIssue> issue) {
    }

    /** One file of a SMART Scheduling Links manifest. @param type {@code Location}, {@code Schedule} or {@code Slot} */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SmartOutput(String type, String url) {
    }

    /**
     * The {@code $bulk-publish} manifest.
     *
     * @param transactionTime what to send as the next {@code _since}: nothing committed before it is missing from the files
     * @param request         the manifest's own URL, as asked
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SmartManifest(Instant transactionTime, String request, List<SmartOutput> output, List<SmartOutput> error) {
    }
}
