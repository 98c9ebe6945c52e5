package com.illajwala.booking.availability;

import com.illajwala.booking.doctor.BookingDirectory;
import com.illajwala.booking.doctor.BookingDirectory.ClinicZone;
import com.illajwala.events.ConsultationMode;
import com.illajwala.web.ApiException;
import com.illajwala.web.ApiResponse;
import com.illajwala.web.ApiResponse.FieldProblem;
import com.illajwala.web.access.Caller;
import com.illajwala.web.access.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A doctor's availability at a clinic: set by the doctor or their tenant's staff and admins. The
 * slots the rules call for are published at once; slots the rules no longer call for are
 * withdrawn, or blocked when they have bookings, which the answer lists for the clinic to resolve.
 */
@RestController
class AvailabilityController {

    private final Availabilities availabilities;
    private final BookingDirectory directory;

    AvailabilityController(Availabilities availabilities, BookingDirectory directory) {
        this.availabilities = availabilities;
        this.directory = directory;
    }

    record BreakInput(@NotNull LocalTime start, @NotNull LocalTime end) {
    }

    /** Clinic-local times; a session does not cross midnight. */
    record SessionInput(@NotNull LocalTime start, @NotNull LocalTime end,
                        @Size(max = 10) List<@Valid @NotNull BreakInput> breaks,
                        @Min(5) @Max(240) int slotMinutes,
                        @Min(0) @Max(120) int bufferMinutes,
                        @Min(1) @Max(100) int capacity,
                        @NotEmpty Set<@NotNull ConsultationMode> modes) {
    }

    record ExtraSessionInput(@NotNull LocalDate date, @NotNull @Valid SessionInput session) {
    }

    /**
     * @param weekly              sessions per day of the week ({@code MONDAY} … {@code SUNDAY})
     * @param minimumNoticeMinutes no slot starts sooner than this after now
     * @param maximumAdvanceDays  the rolling horizon
     */
    record AvailabilityRequest(
            @NotBlank @Size(max = 64) String clinicId,
            @NotNull Map<DayOfWeek, @Size(max = 6) List<@Valid @NotNull SessionInput>> weekly,
            @Size(max = 366) Set<@NotNull LocalDate> leaveDays,
            @Size(max = 100) List<@Valid @NotNull ExtraSessionInput> extraSessions,
            @Min(0) @Max(43_200) int minimumNoticeMinutes,
            @Min(1) @Max(180) int maximumAdvanceDays) {
    }

    /** What the editor shows: the slots the rules would call for from now on, in the clinic's time zone. */
    record AvailabilityPreview(String clinicId, String timezone, List<GeneratedSlot> slots) {
    }

    @PutMapping("/api/doctors/{doctorId}/availability")
    Mono<ApiResponse<Availabilities.AvailabilityResult>> set(@PathVariable String doctorId, @Valid @RequestBody AvailabilityRequest request,
                                              Caller caller) {
        caller.requireRole(Role.DOCTOR, Role.STAFF, Role.ADMIN);
        return Mono.fromCallable(() -> authorise(doctorId, request.clinicId(), caller))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(clinic -> availabilities.set(clinic.tenantId(), doctorId, request.clinicId(),
                        rules(request, clinic.timezone())))
                .map(ApiResponse::ok);
    }

    /** The slots the rules would create, without setting them: the same checks and answers to bad input as setting them. */
    @PostMapping("/api/doctors/{doctorId}/availability/preview")
    Mono<ApiResponse<AvailabilityPreview>> preview(@PathVariable String doctorId,
                                                   @Valid @RequestBody AvailabilityRequest request, Caller caller) {
        caller.requireRole(Role.DOCTOR, Role.STAFF, Role.ADMIN);
        return Mono.fromCallable(() -> {
                    ClinicZone clinic = authorise(doctorId, request.clinicId(), caller);
                    List<GeneratedSlot> slots = SlotGenerator.generate(rules(request, clinic.timezone()), Instant.now());
                    return ApiResponse.ok(new AvailabilityPreview(request.clinicId(), clinic.timezone(), slots));
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** The rules last set for the doctor at the clinic, in the shape they are set in; 404 when none were. */
    @GetMapping("/api/doctors/{doctorId}/availability")
    Mono<ApiResponse<AvailabilityRequest>> current(@PathVariable String doctorId,
                                                   @RequestParam @NotBlank @Size(max = 64) String clinicId, Caller caller) {
        caller.requireRole(Role.DOCTOR, Role.STAFF, Role.ADMIN);
        return Mono.fromCallable(() -> authorise(doctorId, clinicId, caller))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(clinic -> availabilities.current(doctorId, clinicId))
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("availability_not_found",
                        "No availability has been set for this doctor at clinic " + clinicId)))
                .map(rules -> ApiResponse.ok(request(clinicId, rules)));
    }

    private static AvailabilityRequest request(String clinicId, AvailabilityRules rules) {
        Map<DayOfWeek, List<SessionInput>> weekly = new TreeMap<>();
        rules.weekly().forEach((day, sessions) -> weekly.put(day, sessions.stream().map(AvailabilityController::input).toList()));
        List<ExtraSessionInput> extra = new ArrayList<>();
        new TreeMap<>(rules.extraSessions()).forEach((date, sessions) ->
                sessions.forEach(session -> extra.add(new ExtraSessionInput(date, input(session)))));
        return new AvailabilityRequest(clinicId, weekly, new TreeSet<>(rules.leaveDays()), extra,
                (int) rules.minimumNotice().toMinutes(), (int) rules.maximumAdvance().toDays());
    }

    private static SessionInput input(Session session) {
        return new SessionInput(session.start(), session.end(),
                session.breaks().stream().map(pause -> new BreakInput(pause.start(), pause.end())).toList(),
                (int) session.slotLength().toMinutes(), (int) session.buffer().toMinutes(), session.capacity(),
                new TreeSet<>(session.modes()));
    }

    /** The doctor themself, or staff and admins of the doctor's tenant; a verified doctor at one of the tenant's clinics. */
    private ClinicZone authorise(String doctorId, String clinicId, Caller caller) {
        String tenant = directory.tenantOfVerifiedDoctor(doctorId)
                .filter(caller::worksFor)
                .filter(found -> caller.role() != Role.DOCTOR || caller.userId().equals(doctorId))
                .orElseThrow(() -> ApiException.notFound("doctor_not_found", "No doctor with id " + doctorId));
        return directory.clinic(clinicId).filter(clinic -> clinic.tenantId().equals(tenant))
                .orElseThrow(() -> ApiException.invalidField("clinicId", "must name a clinic of the doctor's organisation"));
    }

    private static AvailabilityRules rules(AvailabilityRequest request, String timezone) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<DayOfWeek, List<Session>> weekly = new EnumMap<>(DayOfWeek.class);
        request.weekly().forEach((day, sessions) -> weekly.put(day, sessions.stream()
                .map(session -> session(session, "weekly." + day, problems)).toList()));
        Map<LocalDate, List<Session>> extra = new HashMap<>();
        List<ExtraSessionInput> extras = request.extraSessions() == null ? List.of() : request.extraSessions();
        for (int i = 0; i < extras.size(); i++) {
            extra.computeIfAbsent(extras.get(i).date(), date -> new ArrayList<>())
                    .add(session(extras.get(i).session(), "extraSessions[" + i + "].session", problems));
        }
        if (!problems.isEmpty()) {
            throw ApiException.badRequest("validation_failed", "The request has invalid fields", problems);
        }
        return new AvailabilityRules(timezone, weekly,
                request.leaveDays() == null ? Set.of() : new HashSet<>(request.leaveDays()), extra,
                Duration.ofMinutes(request.minimumNoticeMinutes()), Duration.ofDays(request.maximumAdvanceDays()));
    }

    private static Session session(SessionInput input, String field, List<FieldProblem> problems) {
        if (!input.start().isBefore(input.end())) {
            problems.add(new FieldProblem(field + ".end", "must be after start, on the same day"));
        }
        List<Session.Break> breaks = new ArrayList<>();
        for (BreakInput pause : input.breaks() == null ? List.<BreakInput>of() : input.breaks()) {
            if (!pause.start().isBefore(pause.end()) || pause.start().isBefore(input.start())
                    || pause.end().isAfter(input.end())) {
                problems.add(new FieldProblem(field + ".breaks", "must lie inside the session, each ending after it starts"));
            }
            breaks.add(new Session.Break(pause.start(), pause.end()));
        }
        return new Session(input.start(), input.end(), breaks, Duration.ofMinutes(input.slotMinutes()),
                Duration.ofMinutes(input.bufferMinutes()), input.capacity(), Set.copyOf(input.modes()));
    }
}
