package com.illajwala.projections.doctor;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.illajwala.events.ConsultationMode;
import com.illajwala.projections.slot.SlotView;
import com.illajwala.web.ApiException;
import com.illajwala.web.ApiResponse;
import com.illajwala.web.access.HostTenant;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Arrays;

/**
 * Verified doctors, publicly: through a tenant's host only that tenant's. An unverified doctor,
 * or one of another tenant, does not exist as far as these routes say.
 */
@RestController
class DoctorQueryController {

    private static final int NEXT_SLOTS = 5;
    private static final int LONGEST_CALENDAR_DAYS = 92;

    private final VisibleDoctors doctors;
    private final DoctorSearch search;
    private final ReactiveMongoTemplate mongo;

    DoctorQueryController(VisibleDoctors doctors, DoctorSearch search, ReactiveMongoTemplate mongo) {
        this.doctors = doctors;
        this.search = search;
        this.mongo = mongo;
    }

    /**
     * Search: every filter is optional. {@code specialty}, {@code city}, {@code language} match
     * whole values (any case); {@code q} matches every word against name and specialization;
     * {@code date} keeps doctors with an open slot that day; {@code sort} is {@code relevance},
     * {@code next_available}, {@code name} or {@code fee}.
     */
    @GetMapping("/api/doctors")
    Mono<ApiResponse<DoctorPage>> doctors(@RequestParam(required = false) @Size(max = 80) String q,
                                          @RequestParam(required = false) @Size(max = 80) String specialty,
                                          @RequestParam(required = false) @Size(max = 80) String city,
                                          @RequestParam(required = false) @Size(max = 64) String clinicId,
                                          @RequestParam(required = false) @Size(max = 16) String language,
                                          @RequestParam(required = false) @Size(max = 16) String mode,
                                          @RequestParam(required = false) @DecimalMin("0") @DecimalMax("1000000") BigDecimal minFee,
                                          @RequestParam(required = false) @DecimalMin("0") @DecimalMax("1000000") BigDecimal maxFee,
                                          @RequestParam(required = false) LocalDate date,
                                          @RequestParam(required = false) @Size(max = 16) String sort,
                                          @RequestParam(defaultValue = "1") @Min(1) @Max(500) int page,
                                          @RequestParam(defaultValue = "20") @Min(1) @Max(50) int size,
                                          HostTenant host) {
        if (minFee != null && maxFee != null && minFee.compareTo(maxFee) > 0) {
            throw ApiException.invalidField("maxFee", "must not be below minFee");
        }
        return search.search(new DoctorSearch.Request(host.tenantId().orElse(null), blankToNull(q), blankToNull(specialty),
                        blankToNull(city), blankToNull(clinicId), blankToNull(language), mode(mode), minFee, maxFee, date,
                        order(sort), page, size))
                .map(ApiResponse::ok);
    }

    private static ConsultationMode mode(String mode) {
        if (mode == null || mode.isBlank()) {
            return null;
        }
        return Arrays.stream(ConsultationMode.values()).filter(candidate -> candidate.name().equalsIgnoreCase(mode))
                .findFirst()
                .orElseThrow(() -> ApiException.invalidField("mode", "must be clinic, telehealth or home_visit"));
    }

    private static DoctorSearch.Order order(String sort) {
        if (sort == null || sort.isBlank()) {
            return null;
        }
        return Arrays.stream(DoctorSearch.Order.values()).filter(candidate -> candidate.name().equalsIgnoreCase(sort))
                .findFirst()
                .orElseThrow(() -> ApiException.invalidField("sort", "must be relevance, next_available, name or fee"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** A doctor's public profile and their next open slots. */
    record DoctorProfile(@JsonUnwrapped DoctorView doctor, List<SlotView> nextSlots) {
    }

    @GetMapping("/api/doctors/{doctorId}")
    Mono<ApiResponse<DoctorProfile>> doctor(@PathVariable String doctorId, HostTenant host) {
        Query next = Query.query(Criteria.where("doctorId").is(doctorId).and("status").is("open").and("start").gt(Instant.now()))
                .with(Sort.by("start")).limit(NEXT_SLOTS);
        return doctors.visible(doctorId, host)
                .zipWith(mongo.find(next, SlotView.class, SlotView.COLLECTION).map(SlotView::asSeen).collectList(),
                        DoctorProfile::new)
                .map(ApiResponse::ok);
    }

    /** One day of a doctor's calendar: slots still open and slots taken, in the clinic's days. */
    record CalendarDay(LocalDate date, long open, long full) {
    }

    /** The doctor's days from {@code from} to {@code to} (at most 92 days), each with its open and full slots. */
    @GetMapping("/api/doctors/{doctorId}/calendar")
    Mono<ApiResponse<List<CalendarDay>>> calendar(@PathVariable String doctorId, @RequestParam LocalDate from,
                                                  @RequestParam LocalDate to, HostTenant host) {
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) > LONGEST_CALENDAR_DAYS) {
            throw ApiException.invalidField("to", "must be from the day of from to at most 92 days after it");
        }
        Query days = Query.query(Criteria.where("doctorId").is(doctorId).and("localDate").gte(from.toString())
                .lte(to.toString()).and("status").in("open", "full"));
        return doctors.visible(doctorId, host)
                .then(mongo.find(days, SlotView.class, SlotView.COLLECTION).collectList())
                .map(slots -> {
                    List<CalendarDay> calendar = new ArrayList<>();
                    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                        String date = day.toString();
                        long open = slots.stream().filter(slot -> date.equals(slot.localDate()) && "open".equals(slot.status())).count();
                        long full = slots.stream().filter(slot -> date.equals(slot.localDate()) && "full".equals(slot.status())).count();
                        calendar.add(new CalendarDay(day, open, full));
                    }
                    return calendar;
                })
                .map(ApiResponse::ok);
    }
}
