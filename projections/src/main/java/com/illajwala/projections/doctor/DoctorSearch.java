package com.illajwala.projections.doctor;

import com.illajwala.events.ConsultationMode;
import com.illajwala.projections.slot.SlotView;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Finds verified doctors by what patients ask for, in the order they asked, a page at a time. */
@Component
public class DoctorSearch {

    /** How results are ordered. */
    public enum Order {
        /** Best match of the free text first (the default with {@code q}), then the soonest available. */
        RELEVANCE,
        /** Soonest next open slot first (the default without {@code q}); doctors with none last. */
        NEXT_AVAILABLE,
        NAME,
        FEE
    }

    /**
     * @param tenantId the host's tenant, or null on the platform's host (every tenant)
     * @param date     only doctors with an open slot that day, in the clinic's time zone
     */
    public record Request(String tenantId, String q, String specialty, String city, String clinicId, String language,
                          ConsultationMode mode, BigDecimal minFee, BigDecimal maxFee, LocalDate date, Order order,
                          int page, int size) {

        /** The query part of the cache key: every parameter, in a fixed order. */
        String canonical() {
            Map<String, Object> parts = new LinkedHashMap<>();
            parts.put("q", q == null ? null : q.toLowerCase(Locale.ROOT).trim());
            parts.put("specialty", specialty == null ? null : specialty.toLowerCase(Locale.ROOT));
            parts.put("city", city == null ? null : city.toLowerCase(Locale.ROOT));
            parts.put("clinicId", clinicId);
            parts.put("language", language);
            parts.put("mode", mode);
            parts.put("minFee", minFee == null ? null : minFee.stripTrailingZeros().toPlainString());
            parts.put("maxFee", maxFee == null ? null : maxFee.stripTrailingZeros().toPlainString());
            parts.put("date", date);
            parts.put("sort", order);
            parts.put("page", page);
            parts.put("size", size);
            return parts.entrySet().stream().filter(part -> part.getValue() != null)
                    .map(part -> part.getKey() + "=" + URLEncoder.encode(part.getValue().toString(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
        }

        Order effectiveOrder() {
            return order != null ? order : q == null ? Order.NEXT_AVAILABLE : Order.RELEVANCE;
        }
    }

    private final ReactiveMongoTemplate mongo;
    private final DoctorSearchCache cache;
    private final DoctorDirectory directory;

    DoctorSearch(ReactiveMongoTemplate mongo, DoctorSearchCache cache, DoctorDirectory directory) {
        this.mongo = mongo;
        this.cache = cache;
        this.directory = directory;
    }

    public Mono<DoctorPage> search(Request request) {
        String tenantKey = request.tenantId() == null ? DoctorSearchCache.PLATFORM_WIDE : request.tenantId();
        return cache.cached(tenantKey, request.canonical(), () -> searchDirectory(request));
    }

    private Mono<DoctorPage> searchDirectory(Request request) {
        // filtering and sorting is CPU work: on the parallel workers, not the Redis or Netty threads it was called from
        return availableOn(request).publishOn(Schedulers.parallel()).map(available -> {
            Wanted wanted = new Wanted(request, available.orElse(null));
            List<DoctorView> found = new ArrayList<>();
            for (DoctorDirectory.Listing listing : directory.listings(request.tenantId())) {
                if (wanted.matches(listing)) {
                    found.add(listing.doctor());
                }
            }
            // scored once per doctor, not at every comparison of the sort
            Map<String, Integer> scores = request.effectiveOrder() == Order.RELEVANCE
                    ? found.stream().collect(Collectors.toMap(DoctorView::doctorId, doctor -> relevance(doctor, request.q())))
                    : Map.of();
            found.sort(comparator(request, scores));
            int from = Math.min((request.page() - 1) * request.size(), found.size());
            int to = Math.min(from + request.size(), found.size());
            return new DoctorPage(List.copyOf(found.subList(from, to)), request.page(), request.size(), found.size());
        });
    }

    /** A request's filters, lower-cased once; null means "any". */
    private record Wanted(Set<String> available, String specialty, String city, String clinicId, String language,
                          ConsultationMode mode, Long minFee, Long maxFee, List<String> words) {

        Wanted(Request request, Set<String> available) {
            this(available, DoctorDirectory.lower(request.specialty()), DoctorDirectory.lower(request.city()),
                    request.clinicId(), DoctorDirectory.lower(request.language()), request.mode(),
                    request.minFee() == null ? null : request.minFee().movePointRight(2).longValue(),
                    request.maxFee() == null ? null : request.maxFee().movePointRight(2).longValue(),
                    request.q() == null ? List.of() : DoctorSearch.words(request.q()));
        }

        boolean matches(DoctorDirectory.Listing listing) {
            DoctorView doctor = listing.doctor();
            return (available == null || available.contains(doctor.doctorId()))
                    && (specialty == null || specialty.equals(listing.specialization()))
                    && (city == null || listing.cities().contains(city))
                    && (clinicId == null || doctor.clinicIds() != null && doctor.clinicIds().contains(clinicId))
                    && (language == null || listing.languages().contains(language))
                    && (mode == null || doctor.modes() != null && doctor.modes().contains(mode))
                    && (minFee == null || doctor.feeMinor() >= minFee)
                    && (maxFee == null || doctor.feeMinor() <= maxFee)
                    && containsAll(doctor.searchText());
        }

        private boolean containsAll(String text) {
            for (String word : words) {
                if (text == null || !text.contains(word)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The doctors with an open slot on the day asked for; everyone when no day is asked for. */
    private Mono<Optional<Set<String>>> availableOn(Request request) {
        if (request.date() == null) {
            return Mono.just(Optional.empty());
        }
        Criteria open = Criteria.where("localDate").is(request.date().toString()).and("status").is("open")
                .and("start").gt(Instant.now());
        if (request.tenantId() != null) {
            open.and("tenantId").is(request.tenantId());
        }
        return mongo.findDistinct(Query.query(open), "doctorId", SlotView.COLLECTION, String.class)
                .collect(Collectors.toSet())
                .map(Optional::of);
    }

    private static Comparator<DoctorView> comparator(Request request, Map<String, Integer> relevance) {
        Comparator<DoctorView> soonest = Comparator.comparing(DoctorView::nextAvailable,
                Comparator.nullsLast(Comparator.naturalOrder()));
        Comparator<DoctorView> byName = Comparator.comparing(DoctorView::name).thenComparing(DoctorView::doctorId);
        return switch (request.effectiveOrder()) {
            case RELEVANCE -> Comparator.comparingInt((DoctorView doctor) -> -relevance.get(doctor.doctorId()))
                    .thenComparing(soonest).thenComparing(byName);
            case NEXT_AVAILABLE -> soonest.thenComparing(byName);
            case NAME -> byName;
            case FEE -> Comparator.comparingLong(DoctorView::feeMinor).thenComparing(byName);
        };
    }

    /** 3: the name starts with the text; 2: a word of the name does; 1: the specialization does; 0: matched elsewhere. */
    static int relevance(DoctorView doctor, String q) {
        if (q == null) {
            return 0;
        }
        String text = String.join(" ", words(q));
        String name = doctor.name().toLowerCase(Locale.ROOT);
        if (name.startsWith(text) || name.replaceFirst("^dr\\.?\\s+", "").startsWith(text)) {
            return 3;
        }
        if (Arrays.stream(name.split("\\s+")).anyMatch(word -> word.startsWith(words(q).get(0)))) {
            return 2;
        }
        return doctor.specialization().toLowerCase(Locale.ROOT).startsWith(text) ? 1 : 0;
    }

    private static List<String> words(String q) {
        return Arrays.stream(q.toLowerCase(Locale.ROOT).trim().split("\\s+")).filter(word -> !word.isEmpty()).toList();
    }

}
