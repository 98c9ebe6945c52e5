package com.illajwala.projections.fhir;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.illajwala.projections.doctor.ClinicView;
import com.illajwala.projections.doctor.DoctorView;
import com.illajwala.projections.fhir.FhirResources.SmartManifest;
import com.illajwala.projections.fhir.FhirResources.SmartOutput;
import com.illajwala.projections.slot.SlotView;
import com.illajwala.web.ApiException;
import com.illajwala.web.access.HostTenant;
import com.illajwala.web.directory.ClinicAddresses;
import com.illajwala.web.directory.ClinicAddresses.ClinicAddress;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * SMART Scheduling Links, per tenant on the tenant's host, public (appointment finders do not sign
 * in): the {@code $bulk-publish} manifest and its three NDJSON files, one Location per clinic, one
 * Schedule per doctor and clinic, and every Slot still to come (free, or busy so that finders see
 * capacity). With {@code _since} every file holds only what changed after it; each resource's
 * {@code meta.lastUpdated} is its last event's commit time.
 */
@RestController
class SmartSchedulingController {

    static final String NDJSON = "application/fhir+ndjson";
    private static final List<String> TYPES = List.of("Location", "Schedule", "Slot");

    private final ReactiveMongoTemplate mongo;
    private final ClinicAddresses addresses;
    private final ObjectMapper json;
    private final String patientApp;
    private final Duration settleTime;
    private final Clock clock = Clock.systemUTC();

    /**
     * @param settleTime how long an event may take from its commit to the read models: the manifest's
     *                   {@code transactionTime} is that much before now, so a change committed before it
     *                   but applied after the files were read is in the next delta
     */
    SmartSchedulingController(ReactiveMongoTemplate mongo, ClinicAddresses addresses, ObjectMapper json,
                              @Value("${illajwala.public-base-url:http://localhost:8080}") String patientApp,
                              @Value("${illajwala.smart.settle-time:10s}") Duration settleTime) {
        this.mongo = mongo;
        this.addresses = addresses;
        this.json = json;
        this.patientApp = patientApp;
        this.settleTime = settleTime;
    }

    /**
     * The manifest: where the Location, Schedule and Slot files are.
     *
     * @param since only what changed after this instant (the {@code transactionTime} of the last manifest read)
     */
    @GetMapping(value = "/api/smart/$bulk-publish", produces = MediaType.APPLICATION_JSON_VALUE)
    SmartManifest manifest(@RequestParam(name = "_since", required = false) String since, HostTenant host,
                           ServerHttpRequest request) {
        tenantOf(host);
        Instant after = since(since);
        List<SmartOutput> files = TYPES.stream().map(type -> {
            UriComponentsBuilder url = UriComponentsBuilder.fromUri(request.getURI()).replacePath("/api/smart/" + type + ".ndjson")
                    .replaceQuery(null);
            if (after != null) {
                url.queryParam("_since", after.toString());
            }
            return new SmartOutput(type, url.build().toUriString());
        }).toList();
        Instant transactionTime = clock.instant().minus(settleTime).truncatedTo(ChronoUnit.MILLIS);
        return new SmartManifest(transactionTime, request.getURI().toString(), files, List.of());
    }

    /** The tenant's clinics. */
    @GetMapping(value = "/api/smart/Location.ndjson", produces = NDJSON)
    Flux<String> locations(@RequestParam(name = "_since", required = false) String since, HostTenant host) {
        Query query = Query.query(changed(Criteria.where("tenantId").is(tenantOf(host)), since(since))).with(Sort.by("_id"));
        return mongo.find(query, ClinicView.class, ClinicView.COLLECTION).collectList()
                .flatMapMany(clinics -> addresses.of(clinics.stream().map(ClinicView::clinicId).toList())
                        .collectMap(ClinicAddress::clinicId, Function.identity())
                        .flatMapIterable(byClinic -> clinics.stream()
                                .map(clinic -> FhirMapping.location(clinic, byClinic.get(clinic.clinicId()))).toList()))
                .map(this::line);
    }

    /** Each verified doctor of the tenant at each of its clinics. */
    @GetMapping(value = "/api/smart/Schedule.ndjson", produces = NDJSON)
    Flux<String> schedules(@RequestParam(name = "_since", required = false) String since, HostTenant host) {
        String tenant = tenantOf(host);
        Instant after = since(since);
        Query doctors = Query.query(Criteria.where("tenantId").is(tenant).and("verified").is(true)).with(Sort.by("_id"));
        return mongo.find(Query.query(Criteria.where("tenantId").is(tenant)), ClinicView.class, ClinicView.COLLECTION)
                .collectMap(ClinicView::clinicId, Function.identity())
                .flatMapMany(clinics -> mongo.find(doctors, DoctorView.class, DoctorView.COLLECTION)
                        .flatMapIterable(doctor -> schedulesOf(doctor, clinics)))
                .filter(schedule -> after == null || schedule.meta() != null && schedule.meta().lastUpdated().isAfter(after))
                .map(this::line);
    }

    /** The tenant's slots that have not ended yet, soonest first. */
    @GetMapping(value = "/api/smart/Slot.ndjson", produces = NDJSON)
    Flux<String> slots(@RequestParam(name = "_since", required = false) String since, HostTenant host) {
        Criteria upcoming = Criteria.where("tenantId").is(tenantOf(host)).and("end").gt(clock.instant());
        Query query = Query.query(changed(upcoming, since(since))).with(Sort.by("start"));
        return mongo.find(query, SlotView.class, SlotView.COLLECTION)
                .map(slot -> FhirMapping.slot(slot.asSeen(), patientApp, true))
                .map(this::line);
    }

    private static List<FhirResources.FhirSchedule> schedulesOf(DoctorView doctor, Map<String, ClinicView> clinics) {
        return doctor.clinicIds().stream().map(clinics::get).filter(Objects::nonNull)
                .map(clinic -> FhirMapping.schedule(doctor, clinic)).toList();
    }

    private static Criteria changed(Criteria criteria, Instant after) {
        return after == null ? criteria : criteria.and("lastUpdated").gt(after);
    }

    /** The feeds are each tenant's own: on the platform's host there is none to give. */
    private static String tenantOf(HostTenant host) {
        return host.tenantId().orElseThrow(() -> ApiException.notFound("tenant_required",
                "SMART Scheduling Links are published per tenant: ask the tenant's host, e.g. apollo.illajwala.com"));
    }

    private static Instant since(String since) {
        return since == null ? null : FhirParameters.instant(since, "_since");
    }

    private String line(Object resource) {
        try {
            return json.writeValueAsString(resource) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
