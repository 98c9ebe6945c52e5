package com.illajwala.projections.fhir;

import com.illajwala.projections.appointment.AppointmentAccess;
import com.illajwala.projections.appointment.AppointmentView;
import com.illajwala.projections.fhir.FhirResources.FhirAppointment;
import com.illajwala.projections.fhir.FhirResources.FhirBundle;
import com.illajwala.projections.fhir.FhirResources.FhirBundleEntry;
import com.illajwala.projections.fhir.FhirResources.FhirBundleLink;
import com.illajwala.projections.fhir.FhirResources.FhirBundleSearch;
import com.illajwala.projections.fhir.FhirResources.FhirSlot;
import com.illajwala.projections.slot.SlotView;
import com.illajwala.web.ApiException;
import com.illajwala.web.access.AuditTrail;
import com.illajwala.web.access.Caller;
import com.illajwala.web.access.HostTenant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * FHIR R4 reads: {@code Slot} (public; through a tenant's host only that tenant's) and
 * {@code Appointment} (for the same callers as {@code GET /api/appointments/{id}}). Answers are
 * {@code application/fhir+json}; failures are {@code OperationOutcome}s ({@link FhirErrors}).
 */
@RestController
class FhirController {

    static final String FHIR_JSON = "application/fhir+json";
    private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");
    private static final Set<String> SLOT_STATUSES = Set.of("free", "busy", "busy-tentative", "busy-unavailable");
    private static final Duration DEFAULT_RANGE = Duration.ofDays(14);
    private static final Duration LONGEST_RANGE = Duration.ofDays(92);

    private final ReactiveMongoTemplate mongo;
    private final AuditTrail audit;
    private final String patientApp;

    FhirController(ReactiveMongoTemplate mongo, AuditTrail audit,
                   @Value("${illajwala.public-base-url:http://localhost:8080}") String patientApp) {
        this.mongo = mongo;
        this.audit = audit;
        this.patientApp = patientApp;
    }

    @GetMapping(value = "/api/fhir/Slot/{id}", produces = {FHIR_JSON, MediaType.APPLICATION_JSON_VALUE})
    Mono<FhirSlot> slot(@PathVariable String id, HostTenant host) {
        return mongo.findById(id, SlotView.class, SlotView.COLLECTION)
                .filter(slot -> host.admits(slot.tenantId()))
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("slot_not_found", "No Slot/" + id)))
                .map(slot -> FhirMapping.slot(slot.asSeen(), patientApp, false));
    }

    /**
     * One schedule's slots, soonest first, as a {@code searchset} Bundle.
     *
     * @param schedule {@code Schedule/{id}} (or the id alone), as the SMART Schedule file names it
     * @param start    at most a lower and an upper bound, FHIR-style: {@code ge}, {@code gt}, {@code le} or
     *                 {@code lt} then an instant or a date (its start in UTC); from now and for 14 days unless
     *                 said, at most 92 days
     * @param status   only slots in this status: {@code free}, {@code busy}, {@code busy-tentative}, {@code busy-unavailable}
     */
    @GetMapping(value = "/api/fhir/Slot", produces = {FHIR_JSON, MediaType.APPLICATION_JSON_VALUE})
    Mono<FhirBundle> slots(@RequestParam(required = false) String schedule,
                           @RequestParam(required = false) List<String> start,
                           @RequestParam(required = false) String status,
                           HostTenant host, ServerHttpRequest request) {
        Criteria criteria = Criteria.where("scheduleId").is(scheduleId(schedule));
        host.tenantId().ifPresent(tenant -> criteria.and("tenantId").is(tenant));
        StartRange.of(start == null ? List.of() : start, Instant.now()).limit(criteria.and("start"));
        if (status != null && !SLOT_STATUSES.contains(status)) {
            throw ApiException.invalidField("status", "must be free, busy, busy-tentative or busy-unavailable");
        }
        String base = UriComponentsBuilder.fromUri(request.getURI()).replacePath(null).replaceQuery(null).build().toUriString();
        return mongo.find(Query.query(criteria).with(Sort.by("start")), SlotView.class, SlotView.COLLECTION)
                .map(slot -> FhirMapping.slot(slot.asSeen(), patientApp, false))
                .filter(slot -> status == null || status.equals(slot.status()))
                .map(slot -> new FhirBundleEntry(base + "/api/fhir/Slot/" + slot.id(), slot, new FhirBundleSearch("match")))
                .collectList()
                .map(entries -> new FhirBundle("Bundle", "searchset", entries.size(),
                        List.of(new FhirBundleLink("self", request.getURI().toString())), entries));
    }

    /** The patient's own, the doctor's with them, or (staff and admins) their tenant's; anything else is a 404. */
    @GetMapping(value = "/api/fhir/Appointment/{id}", produces = {FHIR_JSON, MediaType.APPLICATION_JSON_VALUE})
    Mono<FhirAppointment> appointment(@PathVariable String id, Caller caller, HostTenant host, ServerHttpRequest request) {
        return mongo.findById(id, AppointmentView.class, AppointmentView.COLLECTION)
                .filter(appointment -> AppointmentAccess.admits(caller, appointment) && host.admits(appointment.tenantId()))
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("appointment_not_found", "No Appointment/" + id)))
                .flatMap(appointment -> audit.record(caller, request, "read", "appointment", id, appointment.tenantId())
                        .thenReturn(appointment))
                .map(FhirMapping::appointment);
    }

    private static String scheduleId(String schedule) {
        if (schedule == null || schedule.isBlank()) {
            throw ApiException.invalidField("schedule", "is required: Schedule/{id} from the SMART Schedule file");
        }
        String id = schedule.startsWith("Schedule/") ? schedule.substring("Schedule/".length()) : schedule;
        if (!FHIR_ID.matcher(id).matches()) {
            throw ApiException.invalidField("schedule", "must be Schedule/{id}, the id up to 64 letters, digits, '-' or '.'");
        }
        return id;
    }

    /** The {@code start} parameters' bounds. */
    private record StartRange(Instant from, boolean fromIncluded, Instant to, boolean toIncluded) {

        static StartRange of(List<String> bounds, Instant now) {
            if (bounds.size() > 2) {
                throw invalid("may be given at most twice, a lower and an upper bound");
            }
            Instant from = null;
            Instant to = null;
            boolean fromIncluded = true;
            boolean toIncluded = false;
            for (String bound : bounds) {
                String prefix = bound.length() > 2 ? bound.substring(0, 2) : "";
                Instant value = FhirParameters.instant(bound.substring(prefix.length()), "start");
                if ((prefix.equals("ge") || prefix.equals("gt")) && from == null) {
                    from = value;
                    fromIncluded = prefix.equals("ge");
                } else if ((prefix.equals("le") || prefix.equals("lt")) && to == null) {
                    to = value;
                    toIncluded = prefix.equals("le");
                } else {
                    throw invalid("must be one lower bound (ge or gt) and one upper bound (le or lt), e.g. ge2026-12-01");
                }
            }
            Instant lower = from == null ? now : from;
            Instant upper = to == null ? lower.plus(DEFAULT_RANGE) : to;
            if (!upper.isAfter(lower)) {
                throw invalid("the upper bound must be after the lower bound");
            }
            if (Duration.between(lower, upper).compareTo(LONGEST_RANGE) > 0) {
                throw invalid("may span at most 92 days");
            }
            return new StartRange(lower, fromIncluded, upper, toIncluded);
        }

        void limit(Criteria start) {
            if (fromIncluded) {
                start.gte(from);
            } else {
                start.gt(from);
            }
            if (toIncluded) {
                start.lte(to);
            } else {
                start.lt(to);
            }
        }

        private static ApiException invalid(String message) {
            return ApiException.invalidField("start", message);
        }
    }
}
