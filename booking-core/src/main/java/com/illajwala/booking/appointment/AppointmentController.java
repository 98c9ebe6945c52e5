package com.illajwala.booking.appointment;

import com.illajwala.eventstore.command.CommandDispatcher;
import com.illajwala.booking.slot.SlotCommands.BookAppointment;
import com.illajwala.booking.appointment.AppointmentCommands.Cancel;
import com.illajwala.booking.appointment.AppointmentCommands.CheckIn;
import com.illajwala.booking.appointment.AppointmentCommands.Complete;
import com.illajwala.booking.appointment.AppointmentCommands.MarkNoShow;
import com.illajwala.booking.appointment.AppointmentCommands.Reschedule;
import com.illajwala.booking.appointment.AppointmentCommands.StartConsultation;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.illajwala.booking.payment.OnlineCheckout;
import com.illajwala.booking.slot.SlotRejection;
import com.illajwala.booking.slot.SlotRejections;
import com.illajwala.events.ConsultationMode;
import com.illajwala.events.appointment.AppointmentBooked;
import com.illajwala.events.appointment.AppointmentCancelled;
import com.illajwala.events.appointment.AppointmentCheckedIn;
import com.illajwala.events.appointment.AppointmentCompleted;
import com.illajwala.events.appointment.AppointmentConsultationStarted;
import com.illajwala.events.appointment.AppointmentMarkedNoShow;
import com.illajwala.events.appointment.AppointmentRescheduled;
import com.illajwala.events.appointment.CancellationReason;
import com.illajwala.web.ApiException;
import com.illajwala.web.ApiResponse;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.UUID;

/**
 * Booking and the appointment's lifecycle: each request changes what it names whole, or nothing,
 * and answers a {@code X-Consistency-Token} that reads can wait on.
 */
@RestController
@RequestMapping("/api/appointments")
class AppointmentController {

    private static final Logger log = LoggerFactory.getLogger(AppointmentController.class);

    private final CommandDispatcher commands;
    private final OnlineCheckout checkout;
    private final PatientDependents dependents;
    private final ConsistencyTokens tokens;
    private final AppointmentReasons reasons;
    private final AuditTrail audit;

    AppointmentController(CommandDispatcher commands, OnlineCheckout checkout, PatientDependents dependents,
                          ConsistencyTokens tokens, AppointmentReasons reasons, AuditTrail audit) {
        this.commands = commands;
        this.checkout = checkout;
        this.dependents = dependents;
        this.tokens = tokens;
        this.reasons = reasons;
        this.audit = audit;
    }

    /**
     * The patient is the caller; a body naming anyone else (or a tenant, or a status) is refused.
     *
     * @param slotId      the slot to book
     * @param dependentId one of the patient's dependents the appointment is for; left out, it is for the patient
     * @param mode        defaults to an in-clinic consultation
     * @param reason      why, in the patient's words: seen only by the patient and the clinic, never in an event
     */
    record BookAppointmentRequest(
            @NotBlank @Size(max = 64) String slotId,
            @Size(max = 64) String dependentId,
            ConsultationMode mode,
            PaymentMethod payment,
            @Size(max = 500) String reason) {
    }

    /** How the patient pays. */
    enum PaymentMethod {
        @JsonProperty("at_clinic") AT_CLINIC,
        @JsonProperty("online") ONLINE
    }

    /** The booked appointment, and for an online payment the order to pay. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Booking(@JsonUnwrapped AppointmentBooked appointment, @Nullable OnlineCheckout.PaymentView payment) {
    }

    /**
     * Pay at the clinic (the default): confirmed at once. Online: {@code pending}, the seat taken,
     * until the provider's webhook confirms the payment or the payment window passes.
     */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ApiResponse<Booking>> book(@Valid @RequestBody BookAppointmentRequest request, Caller caller,
                                    HostTenant host, ServerHttpResponse response) {
        caller.requireRole(Role.PATIENT);
        ConsultationMode mode = request.mode() == null ? ConsultationMode.CLINIC : request.mode();
        boolean online = request.payment() == PaymentMethod.ONLINE;
        if (online && !checkout.isAvailable()) {
            throw ApiException.unprocessable("online_payment_unavailable", "Online payment is not available; pay at the clinic");
        }
        BookAppointment command = new BookAppointment(request.slotId(), UUID.randomUUID().toString(),
                caller.userId(), request.dependentId(), mode, host.tenantId().orElse(null), online);
        return dependents.requireOwn(caller.userId(), request.dependentId())
                .then(tokens.answer(commands.<AppointmentBooked>send(command), command.appointmentId(), response))
                .flatMap(booked -> keepReason(booked, request.reason()))
                .flatMap(booked -> online ? checkout.start(booked).map(payment -> new Booking(booked, payment))
                        : Mono.just(new Booking(booked, null)))
                .map(ApiResponse::ok)
                .onErrorMap(AggregateNotFoundException.class,
                        e -> ApiException.notFound("slot_not_found", "No slot with id " + request.slotId()))
                .onErrorMap(SlotRejection.class, SlotRejections::toApiException);
    }

    /**
     * The reason is kept after the booking committed, in booking-core's own table: if that write
     * fails the appointment stands without it (and the failure is logged), rather than a booked
     * patient being told their booking failed.
     */
    private Mono<AppointmentBooked> keepReason(AppointmentBooked booked, String reason) {
        if (reason == null || reason.isBlank()) {
            return Mono.just(booked);
        }
        return reasons.record(booked, reason.strip())
                .onErrorResume(e -> {
                    log.error("Reason for appointment {} not kept", booked.appointmentId(), e);
                    return Mono.empty();
                })
                .thenReturn(booked);
    }

    /** @param reason the patient's words, or null when they gave none */
    record ReasonView(@Nullable String reason) {
    }

    /**
     * Why the patient booked: for the patient, and for the doctor, staff and admins of the
     * appointment's tenant (recorded in the audit trail). Anyone else is told there is no such
     * appointment; an appointment without a reason answers {@code reason: null} to those who may see it.
     */
    @GetMapping("/{appointmentId}/reason")
    Mono<ApiResponse<ReasonView>> reason(@PathVariable String appointmentId, Caller caller, HostTenant host,
                                        ServerHttpRequest request) {
        return reasons.of(appointmentId).flatMap(found -> {
            if (found.isEmpty()) {
                return Mono.just(ApiResponse.ok(new ReasonView(null)));
            }
            AppointmentReasons.Reason reason = found.get();
            boolean patient = caller.isPatient() && caller.userId().equals(reason.patientId())
                    && host.admits(reason.tenantId());
            boolean clinic = caller.worksFor(reason.tenantId())
                    && (caller.role() != Role.DOCTOR || caller.userId().equals(reason.doctorId()));
            if (!patient && !clinic) {
                return Mono.error(ApiException.notFound("appointment_not_found", "No such appointment"));
            }
            Mono<Void> recorded = clinic ? audit.record(caller, request, "read", "appointment_reason", appointmentId,
                    reason.tenantId()) : Mono.empty();
            return recorded.thenReturn(ApiResponse.ok(new ReasonView(reason.text())));
        });
    }

    record CancelRequest(@NotNull CancellationReason reason) {
    }

    /** A patient cancels their own up to the clinic's notice period before the start; the clinic until its end. */
    @PostMapping("/{appointmentId}/cancel")
    Mono<ApiResponse<AppointmentCancelled>> cancel(@PathVariable String appointmentId,
                                                   @Valid @RequestBody CancelRequest request, Caller caller,
                                                   ServerHttpResponse response) {
        return lifecycle(new Cancel(appointmentId, Actor.of(caller), request.reason(), Instant.now()), appointmentId,
                response);
    }

    record RescheduleRequest(@NotBlank @Size(max = 64) String slotId) {
    }

    /** Moves to another slot of the same tenant: the new seat and the old one change together, or neither. */
    @PostMapping("/{appointmentId}/reschedule")
    Mono<ApiResponse<AppointmentRescheduled>> reschedule(@PathVariable String appointmentId,
                                                         @Valid @RequestBody RescheduleRequest request, Caller caller,
                                                         ServerHttpResponse response) {
        return lifecycle(new Reschedule(appointmentId, request.slotId(), Actor.of(caller), Instant.now()), appointmentId,
                response);
    }

    @PostMapping("/{appointmentId}/check-in")
    Mono<ApiResponse<AppointmentCheckedIn>> checkIn(@PathVariable String appointmentId, Caller caller,
                                                    ServerHttpResponse response) {
        return lifecycle(new CheckIn(appointmentId, Actor.of(caller)), appointmentId, response);
    }

    @PostMapping("/{appointmentId}/start")
    Mono<ApiResponse<AppointmentConsultationStarted>> startConsultation(@PathVariable String appointmentId, Caller caller,
                                                                        ServerHttpResponse response) {
        return lifecycle(new StartConsultation(appointmentId, Actor.of(caller)), appointmentId, response);
    }

    @PostMapping("/{appointmentId}/complete")
    Mono<ApiResponse<AppointmentCompleted>> complete(@PathVariable String appointmentId, Caller caller,
                                                     ServerHttpResponse response) {
        return lifecycle(new Complete(appointmentId, Actor.of(caller)), appointmentId, response);
    }

    @PostMapping("/{appointmentId}/no-show")
    Mono<ApiResponse<AppointmentMarkedNoShow>> noShow(@PathVariable String appointmentId, Caller caller,
                                                      ServerHttpResponse response) {
        return lifecycle(new MarkNoShow(appointmentId, Actor.of(caller), Instant.now()), appointmentId, response);
    }

    private <E> Mono<ApiResponse<E>> lifecycle(Object command, String appointmentId, ServerHttpResponse response) {
        return tokens.answer(commands.<E>send(command), appointmentId, response)
                .map(ApiResponse::ok)
                .onErrorMap(AggregateNotFoundException.class, e -> ApiException.notFound("appointment_not_found",
                        "No such appointment"))
                .onErrorMap(AppointmentRejection.class, AppointmentController::toApiException)
                .onErrorMap(SlotRejection.class, SlotRejections::toApiException);
    }

    private static ApiException toApiException(AppointmentRejection rejection) {
        return switch (rejection.reason()) {
            case NOT_VISIBLE -> ApiException.notFound("appointment_not_found", rejection.getMessage());
            case NOT_ALLOWED -> ApiException.forbidden("forbidden", rejection.getMessage());
            case WRONG_STATUS -> ApiException.conflict("wrong_status", rejection.getMessage());
            case WRONG_TIME -> ApiException.unprocessable("wrong_time", rejection.getMessage());
        };
    }
}
