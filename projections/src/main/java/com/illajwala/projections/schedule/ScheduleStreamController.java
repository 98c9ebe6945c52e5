package com.illajwala.projections.schedule;

import com.illajwala.events.IllajwalaEvent;
import com.illajwala.events.appointment.AppointmentEvent;
import com.illajwala.events.appointment.AppointmentBooked;
import com.illajwala.events.appointment.AppointmentCancelled;
import com.illajwala.events.appointment.AppointmentCheckedIn;
import com.illajwala.events.appointment.AppointmentCompleted;
import com.illajwala.events.appointment.AppointmentConfirmed;
import com.illajwala.events.appointment.AppointmentConsultationStarted;
import com.illajwala.events.appointment.AppointmentMarkedNoShow;
import com.illajwala.events.appointment.AppointmentRescheduled;
import com.illajwala.web.access.AuditTrail;
import com.illajwala.web.access.Caller;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

/**
 * The doctor's live schedule board: bookings, check-ins, consultations, completions, cancellations
 * and no-shows as they happen, with heartbeats; a reconnecting board resumes after its
 * {@code Last-Event-ID} (or {@code ?lastEventId=}, for a new {@code EventSource} opened with a fresh
 * ticket, which cannot send the header).
 */
@RestController
class ScheduleStreamController {

    /** What changes the day's queue; payments and reminders do not. */
    private static final Set<Class<?>> BOARD_EVENTS = Set.of(AppointmentBooked.class, AppointmentConfirmed.class,
            AppointmentCheckedIn.class, AppointmentConsultationStarted.class, AppointmentCompleted.class, AppointmentCancelled.class,
            AppointmentMarkedNoShow.class, AppointmentRescheduled.class);

    private final LiveAppointments live;
    private final AuditTrail audit;
    private final ScheduleAccess access;
    private final Duration heartbeatInterval;

    ScheduleStreamController(LiveAppointments live, AuditTrail audit, ScheduleAccess access,
                             @Value("${illajwala.stream.heartbeat-interval:15s}") Duration heartbeatInterval) {
        this.live = live;
        this.audit = audit;
        this.access = access;
        this.heartbeatInterval = heartbeatInterval;
    }

    /**
     * For the doctor themself and for their tenant's staff and admins: the caller's tenant bounds
     * every event the stream can carry.
     *
     * @param date the day of the board, in the clinic's time zone; every day when absent
     */
    @GetMapping(path = "/api/stream/schedule", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<Object>> schedule(@RequestParam String doctorId,
                                           @RequestParam(required = false) LocalDate date,
                                           @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                                           @RequestParam(name = "lastEventId", required = false) String resumeAfter,
                                           Caller caller, ServerHttpRequest request) {
        return access.require(doctorId, caller)
                .then(audit.record(caller, request, "read", "schedule", doctorId, caller.tenantId()))
                .thenMany(Flux.defer(() -> ServerSentChanges.of(live.subscribe(lastEventId != null ? lastEventId : resumeAfter),
                        change -> change.event().tenantId().equals(caller.tenantId()) && concerns(change.event(), doctorId, date),
                        heartbeatInterval)));
    }

    private static boolean concerns(IllajwalaEvent change, String doctorId, LocalDate date) {
        if (!(change instanceof AppointmentEvent event) || !BOARD_EVENTS.contains(event.getClass())
                || !event.doctorId().equals(doctorId)) {
            return false;
        }
        return date == null || event.start().atZone(ZoneId.of(event.timezone())).toLocalDate().equals(date);
    }
}
