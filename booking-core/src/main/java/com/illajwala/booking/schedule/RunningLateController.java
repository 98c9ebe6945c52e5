package com.illajwala.booking.schedule;

import com.illajwala.booking.doctor.BookingDirectory;
import com.illajwala.eventstore.command.CommandDispatcher;
import com.illajwala.events.schedule.DoctorRunningLate;
import com.illajwala.web.ApiException;
import com.illajwala.web.ApiResponse;
import com.illajwala.web.access.Caller;
import com.illajwala.web.access.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The board's "running late" button: the doctor, or their tenant's staff and admins (on the tenant's
 * host, as for the schedule board), tell the day's patients still to be seen how late the day runs.
 */
@RestController
class RunningLateController {

    static final int MOST_MINUTES = 240;

    private final CommandDispatcher commands;
    private final BookingDirectory directory;
    private final DayAppointments appointments;

    RunningLateController(CommandDispatcher commands, BookingDirectory directory, DayAppointments appointments) {
        this.commands = commands;
        this.directory = directory;
        this.appointments = appointments;
    }

    /** @param date the day, in the clinic's time zone: today or tomorrow somewhere on Earth */
    record RunningLateRequest(@NotNull LocalDate date, @NotNull @Min(1) @Max(MOST_MINUTES) Integer minutes) {
    }

    /**
     * @param appointmentIds whose patients are told
     * @param announced      false when this lateness had already been announced (nobody is told twice)
     */
    record RunningLateAnswer(String doctorId, LocalDate date, int minutes, List<String> appointmentIds,
                             boolean announced) {
    }

    @PostMapping("/api/doctors/{doctorId}/running-late")
    Mono<ApiResponse<RunningLateAnswer>> announce(@PathVariable String doctorId,
                                                  @Valid @RequestBody RunningLateRequest request, Caller caller) {
        caller.requireRole(Role.DOCTOR, Role.STAFF, Role.ADMIN);
        if (caller.role() == Role.DOCTOR && !caller.userId().equals(doctorId)) {
            throw ApiException.forbidden("forbidden", "A doctor announces only their own day");
        }
        LocalDate todayInUtc = LocalDate.now(ZoneOffset.UTC);
        if (request.date().isBefore(todayInUtc.minusDays(1)) || request.date().isAfter(todayInUtc.plusDays(1))) {
            throw ApiException.invalidField("date", "must be today in the clinic's time zone");
        }
        return commands.blocking(() -> directory.tenantOfVerifiedDoctor(doctorId))
                .flatMap(tenant -> announce(doctorId, tenant, request, caller));
    }

    private Mono<ApiResponse<RunningLateAnswer>> announce(String doctorId, Optional<String> tenant,
                                                          RunningLateRequest request, Caller caller) {
        if (tenant.isEmpty() || !caller.worksFor(tenant.get())) {
            return Mono.error(ApiException.notFound("doctor_not_found", "No doctor with id " + doctorId));
        }
        return commands.blocking(() -> appointments.stillToBeSeen(doctorId, request.date()))
                .flatMap(ids -> commands.<DoctorRunningLate>send(new AnnounceRunningLate(
                                DoctorRunningLate.doctorDayId(doctorId, request.date()), doctorId, tenant.get(),
                                request.date(), request.minutes(), ids))
                        .map(late -> new RunningLateAnswer(doctorId, request.date(), late.minutes(), late.appointmentIds(), true))
                        .defaultIfEmpty(new RunningLateAnswer(doctorId, request.date(), request.minutes(), ids, false)))
                .map(ApiResponse::ok);
    }
}
