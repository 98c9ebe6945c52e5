package com.illajwala.booking.appointment;

import com.illajwala.eventstore.command.CommandDispatcher;
import com.illajwala.booking.slot.SlotCommands.BookAppointment;
import com.illajwala.booking.slot.SlotRejection;
import com.illajwala.events.ConsultationMode;
import com.illajwala.events.appointment.AppointmentBooked;
import com.illajwala.web.ApiException;
import com.illajwala.web.ApiResponse;
import com.illajwala.web.access.Caller;
import com.illajwala.web.access.HostTenant;
import com.illajwala.web.access.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.UUID;

/** Booking: one request takes a seat and creates the appointment, or is refused whole. */
@RestController
@RequestMapping("/api/appointments")
class AppointmentController {

    private final CommandDispatcher commands;

    AppointmentController(CommandDispatcher commands) {
        this.commands = commands;
    }

    /**
     * The patient is the caller; a body naming anyone else (or a tenant, or a status) is refused.
     *
     * @param slotId the slot to book
     * @param mode   defaults to an in-clinic consultation
     */
    record BookAppointmentRequest(
            @NotBlank @Size(max = 64) String slotId,
            ConsultationMode mode) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ApiResponse<AppointmentBooked>> book(@Valid @RequestBody BookAppointmentRequest request, Caller caller,
                                              HostTenant host) {
        caller.requireRole(Role.PATIENT);
        ConsultationMode mode = request.mode() == null ? ConsultationMode.CLINIC : request.mode();
        BookAppointment command = new BookAppointment(request.slotId(), UUID.randomUUID().toString(),
                caller.userId(), mode, host.tenantId().orElse(null));
        return commands.<AppointmentBooked>send(command)
                .map(ApiResponse::ok)
                .onErrorMap(AggregateNotFoundException.class,
                        e -> ApiException.notFound("slot_not_found", "No slot with id " + request.slotId()))
                .onErrorMap(SlotRejection.class, AppointmentController::toApiException);
    }

    private static ApiException toApiException(SlotRejection rejection) {
        return switch (rejection.reason()) {
            case NOT_VISIBLE -> ApiException.notFound("slot_not_found", rejection.getMessage());
            case FULL -> ApiException.conflict("slot_full", rejection.getMessage());
            case MODE_NOT_OFFERED -> ApiException.unprocessable("mode_not_offered", rejection.getMessage());
            case INVALID -> ApiException.unprocessable("slot_invalid", rejection.getMessage());
            case DOCTOR_NOT_VERIFIED -> ApiException.unprocessable("doctor_not_verified", rejection.getMessage());
        };
    }
}
