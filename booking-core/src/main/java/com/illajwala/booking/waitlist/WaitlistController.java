package com.illajwala.booking.waitlist;

import com.illajwala.booking.appointment.Actor;
import com.illajwala.booking.appointment.ConsistencyTokens;
import com.illajwala.booking.doctor.BookingDirectory;
import com.illajwala.booking.doctor.BookingDirectory.ClinicZone;
import com.illajwala.booking.slot.SlotRejection;
import com.illajwala.booking.slot.SlotRejections;
import com.illajwala.booking.waitlist.WaitlistCommands.AcceptOffer;
import com.illajwala.booking.waitlist.WaitlistCommands.DeclineOffer;
import com.illajwala.booking.waitlist.WaitlistCommands.JoinWaitlist;
import com.illajwala.booking.waitlist.WaitlistCommands.SetUrgency;
import com.illajwala.booking.waitlist.WaitlistCommands.WithdrawEntry;
import com.illajwala.events.ConsultationMode;
import com.illajwala.events.identity.WaitlistPolicy;
import com.illajwala.events.waitlist.TimeOfDay;
import com.illajwala.events.waitlist.WaitlistEntryBooked;
import com.illajwala.eventstore.command.CommandDispatcher;
import com.illajwala.web.ApiException;
import com.illajwala.web.ApiResponse;
import com.illajwala.web.ApiResponse.FieldProblem;
import com.illajwala.web.access.AuditTrail;
import com.illajwala.web.access.Caller;
import com.illajwala.web.access.HostTenant;
import com.illajwala.web.access.PatientDependents;
import com.illajwala.web.access.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * The waitlist: patients join for a doctor, or any doctor of a specialization, at a clinic; answer
 * the seats offered to them; see their entries and their place in the queue. The clinic sees and
 * manages its tenant's waitlist.
 */
@RestController
@RequestMapping("/api/waitlist")
class WaitlistController {

    static final int MOST_ACTIVE_ENTRIES = 10;
    static final int FURTHEST_DAYS_AHEAD = 180;
    private static final Set<WaitlistEntry.Status> ACTIVE = EnumSet.of(WaitlistEntry.Status.PENDING, WaitlistEntry.Status.PROMOTED);

    private final CommandDispatcher commands;
    private final WaitlistQueue queue;
    private final BookingDirectory directory;
    private final PatientDependents dependents;
    private final AuditTrail audit;
    private final ConsistencyTokens tokens;

    WaitlistController(CommandDispatcher commands, WaitlistQueue queue, BookingDirectory directory,
                       PatientDependents dependents, AuditTrail audit, ConsistencyTokens tokens) {
        this.commands = commands;
        this.queue = queue;
        this.directory = directory;
        this.dependents = dependents;
        this.audit = audit;
        this.tokens = tokens;
    }

    /**
     * Name a doctor or a specialization, not both. Days are the clinic's; parts of the day and
     * modes left out mean any.
     */
    record JoinRequest(@NotBlank @Size(max = 64) String clinicId,
                       @Size(max = 64) String doctorId,
                       @Size(max = 120) String specialization,
                       @Size(max = 64) String dependentId,
                       @NotNull LocalDate from,
                       @NotNull LocalDate to,
                       Set<@NotNull TimeOfDay> timesOfDay,
                       Set<@NotNull ConsultationMode> modes) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ApiResponse<QueuedEntry>> join(@Valid @RequestBody JoinRequest request, Caller caller, HostTenant host) {
        caller.requireRole(Role.PATIENT);
        return blocking(() -> joinCommand(request, caller, host))
                .flatMap(join -> dependents.requireOwn(caller.userId(), request.dependentId())
                        .then(commands.send(join))
                        .then(blocking(() -> positioned(queue.entry(join.entryId()).stream().toList()).get(0))))
                .map(ApiResponse::ok);
    }

    /** The caller's entries, newest first; pending ones with their place in the queue. */
    @GetMapping("/mine")
    Mono<ApiResponse<List<QueuedEntry>>> mine(Caller caller) {
        caller.requireRole(Role.PATIENT);
        return blocking(() -> positioned(queue.ofPatient(caller.userId()))).map(ApiResponse::ok);
    }

    /** The tenant's waitlist for the clinic: active entries unless {@code status} says otherwise. */
    @GetMapping
    Mono<ApiResponse<List<QueuedEntry>>> ofTenant(@RequestParam(required = false) @Size(max = 64) String doctorId,
                                                  @RequestParam(required = false) Set<String> status,
                                                  Caller caller, ServerHttpRequest request) {
        caller.requireRole(Role.DOCTOR, Role.STAFF, Role.ADMIN);
        Set<WaitlistEntry.Status> statuses = status == null || status.isEmpty() ? ACTIVE : statuses(status);
        return audit.record(caller, request, "read", "waitlist", "*", caller.tenantId())
                .then(blocking(() -> positioned(queue.ofTenant(caller.tenantId(), doctorId, statuses))))
                .map(ApiResponse::ok);
    }

    /** Answers the booked appointment's consistency token, as booking does. */
    @PostMapping("/{entryId}/accept")
    Mono<ApiResponse<WaitlistEntryBooked>> accept(@PathVariable String entryId, Caller caller, ServerHttpResponse response) {
        String appointmentId = UUID.randomUUID().toString();
        return tokens.answer(step(new AcceptOffer(entryId, Actor.of(caller), appointmentId, Instant.now())), appointmentId,
                response);
    }

    @PostMapping("/{entryId}/decline")
    Mono<ApiResponse<Void>> decline(@PathVariable String entryId, Caller caller) {
        return done(step(new DeclineOffer(entryId, Actor.of(caller), Instant.now())), "Offer declined; you stay on the waitlist");
    }

    /** Leaves the waitlist (the patient), or takes the entry off it (the clinic). */
    @DeleteMapping("/{entryId}")
    Mono<ApiResponse<Void>> withdraw(@PathVariable String entryId, Caller caller) {
        return done(step(new WithdrawEntry(entryId, Actor.of(caller))), "Left the waitlist");
    }

    record UrgencyRequest(@NotNull Boolean urgent) {
    }

    /** The clinic's triage: urgent entries are offered seats first (by the clinic's urgency weight). */
    @PutMapping("/{entryId}/urgency")
    Mono<ApiResponse<Void>> urgency(@PathVariable String entryId, @Valid @RequestBody UrgencyRequest request, Caller caller) {
        return done(step(new SetUrgency(entryId, Actor.of(caller), request.urgent())),
                request.urgent() ? "Marked urgent" : "No longer urgent");
    }

    private static Mono<ApiResponse<Void>> done(Mono<ApiResponse<Object>> step, String message) {
        return step.then(Mono.just(new ApiResponse<>(true, null, null, message)));
    }

    private static Set<WaitlistEntry.Status> statuses(Set<String> names) {
        Set<WaitlistEntry.Status> statuses = EnumSet.noneOf(WaitlistEntry.Status.class);
        for (String name : names) {
            statuses.add(java.util.Arrays.stream(WaitlistEntry.Status.values())
                    .filter(candidate -> candidate.name().equalsIgnoreCase(name)).findFirst()
                    .orElseThrow(() -> ApiException.invalidField("status",
                            "must be pending, promoted, booked, expired or withdrawn")));
        }
        return statuses;
    }

    private JoinWaitlist joinCommand(JoinRequest request, Caller caller, HostTenant host) {
        List<FieldProblem> problems = new ArrayList<>();
        if ((request.doctorId() == null) == (request.specialization() == null)) {
            problems.add(new FieldProblem("doctorId", "name a doctor or a specialization, one of the two"));
        }
        ClinicZone clinic = directory.clinic(request.clinicId())
                .filter(found -> host.tenantId().map(found.tenantId()::equals).orElse(true))
                .orElse(null);
        if (clinic == null) {
            throw ApiException.invalidField("clinicId", "must name a clinic");
        }
        if (request.doctorId() != null && !directory.tenantOfVerifiedDoctor(request.doctorId())
                .map(clinic.tenantId()::equals).orElse(false)) {
            problems.add(new FieldProblem("doctorId", "must name a doctor of the clinic"));
        }
        ZoneId zone = ZoneId.of(clinic.timezone());
        LocalDate today = LocalDate.now(zone);
        if (request.to().isBefore(request.from())) {
            problems.add(new FieldProblem("to", "must not be before from"));
        }
        if (request.to().isBefore(today)) {
            problems.add(new FieldProblem("to", "must not be in the past"));
        }
        if (request.to().isAfter(today.plusDays(FURTHEST_DAYS_AHEAD))) {
            problems.add(new FieldProblem("to", "must be at most " + FURTHEST_DAYS_AHEAD + " days ahead"));
        }
        if (!problems.isEmpty()) {
            throw ApiException.badRequest("validation_failed", "The request has invalid fields", problems);
        }
        List<QueuedEntry> active = queue.ofPatient(caller.userId()).stream()
                .filter(entry -> ACTIVE.contains(entry.status())).toList();
        if (active.stream().anyMatch(entry -> entry.clinicId().equals(request.clinicId())
                && Objects.equals(entry.doctorId(), request.doctorId())
                && Objects.equals(entry.specialization(), request.specialization())
                && Objects.equals(entry.dependentId(), request.dependentId()))) {
            throw ApiException.conflict("already_waiting", "You are already on this waitlist");
        }
        if (active.size() >= MOST_ACTIVE_ENTRIES) {
            throw ApiException.unprocessable("too_many_entries",
                    "A patient can wait on at most " + MOST_ACTIVE_ENTRIES + " waitlists at once");
        }
        Set<TimeOfDay> times = request.timesOfDay() == null || request.timesOfDay().isEmpty()
                ? EnumSet.allOf(TimeOfDay.class) : request.timesOfDay();
        Set<ConsultationMode> modes = request.modes() == null || request.modes().isEmpty()
                ? EnumSet.allOf(ConsultationMode.class) : request.modes();
        LocalDate from = request.from().isBefore(today) ? today : request.from();
        return new JoinWaitlist(UUID.randomUUID().toString(), clinic.tenantId(), request.clinicId(), request.doctorId(),
                request.specialization(), caller.userId(), request.dependentId(), from, request.to(), times, modes,
                request.to().plusDays(1).atStartOfDay(zone).toInstant());
    }


    /** Pending entries with their place in their queue, by their clinic's policy as of now. */
    private List<QueuedEntry> positioned(List<QueuedEntry> entries) {
        Instant now = Instant.now();
        return entries.stream().map(entry -> {
            if (entry.status() != WaitlistEntry.Status.PENDING) {
                return entry;
            }
            WaitlistPolicy policy = directory.waitlistPolicy(entry.clinicId());
            List<QueuedEntry> ahead = queue.pendingFor(entry.tenantId(), entry.clinicId(), entry.doctorId(),
                    entry.specialization()).stream().sorted(WaitlistPriority.order(policy, now)).toList();
            int place = 1;
            for (QueuedEntry other : ahead) {
                if (other.entryId().equals(entry.entryId())) {
                    break;
                }
                place++;
            }
            return entry.at(place);
        }).toList();
    }

    private <R> Mono<ApiResponse<R>> step(Object command) {
        return commands.<R>send(command)
                .map(ApiResponse::ok)
                .onErrorMap(AggregateNotFoundException.class,
                        e -> ApiException.notFound("waitlist_entry_not_found", "No such waitlist entry"))
                .onErrorMap(WaitlistRejection.class, WaitlistController::toApiException)
                .onErrorMap(SlotRejection.class, SlotRejections::toApiException);
    }

    private static ApiException toApiException(WaitlistRejection rejection) {
        return switch (rejection.reason()) {
            case NOT_VISIBLE -> ApiException.notFound("waitlist_entry_not_found", rejection.getMessage());
            case NOT_ALLOWED -> ApiException.forbidden("forbidden", rejection.getMessage());
            case WRONG_STATUS -> ApiException.conflict("wrong_status", rejection.getMessage());
            case OFFER_LAPSED -> ApiException.conflict("offer_lapsed", rejection.getMessage());
        };
    }

    /** Reads of the queue table run on the command threads, like the commands they go with. */
    private <T> Mono<T> blocking(Callable<T> query) {
        return commands.blocking(query);
    }
}
