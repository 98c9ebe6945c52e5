package com.illajwala.projections.slot;

import com.illajwala.projections.doctor.VisibleDoctors;
import com.illajwala.web.ApiException;
import com.illajwala.web.ApiResponse;
import com.illajwala.web.access.HostTenant;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A verified doctor's slots over a time range: public, and through a tenant's host only that tenant's. */
@RestController
class SlotQueryController {

    private static final Duration DEFAULT_RANGE = Duration.ofDays(14);
    private static final Duration LONGEST_RANGE = Duration.ofDays(92);

    private final ReactiveMongoTemplate mongo;
    private final VisibleDoctors doctors;

    SlotQueryController(ReactiveMongoTemplate mongo, VisibleDoctors doctors) {
        this.mongo = mongo;
        this.doctors = doctors;
    }

    /**
     * @param from start of the range, an ISO-8601 instant; defaults to now
     * @param to   end of the range; defaults to 14 days after {@code from}, at most 92 days after it
     */
    @GetMapping("/api/doctors/{doctorId}/slots")
    Mono<ApiResponse<List<SlotView>>> slots(@PathVariable String doctorId,
                                             @RequestParam(required = false) Instant from,
                                             @RequestParam(required = false) Instant to,
                                             HostTenant host) {
        Instant rangeStart = from == null ? Instant.now() : from;
        Instant rangeEnd = to == null ? rangeStart.plus(DEFAULT_RANGE) : to;
        if (!rangeEnd.isAfter(rangeStart)) {
            throw ApiException.invalidField("to", "must be after from");
        }
        if (Duration.between(rangeStart, rangeEnd).compareTo(LONGEST_RANGE) > 0) {
            throw ApiException.invalidField("to", "must be at most 92 days after from");
        }
        Query query = Query.query(Criteria.where("doctorId").is(doctorId).and("start").gte(rangeStart).lt(rangeEnd)
                        .and("status").in("open", "full"))
                .with(Sort.by("start"));
        return doctors.visible(doctorId, host)
                .then(mongo.find(query, SlotView.class, SlotView.COLLECTION).map(SlotView::asSeen).collectList())
                .map(ApiResponse::ok);
    }
}
