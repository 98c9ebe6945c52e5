package com.illajwala.projections.schedule;

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
import com.illajwala.kafka.EventEnvelope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

/** The doctor's live schedule board: bookings, check-ins, completions, cancellations and no-shows as they happen, with heartbeats. */
@RestController
class ScheduleStreamController {

    /** What changes the day's queue; payments and reminders do not. */
    private static final Set<Class<?>> BOARD_EVENTS = Set.of(AppointmentBooked.class, AppointmentConfirmed.class,
            AppointmentCheckedIn.class, AppointmentConsultationStarted.class, AppointmentCompleted.class, AppointmentCancelled.class,
            AppointmentMarkedNoShow.class, AppointmentRescheduled.class);

    private final ScheduleStreamHub hub;
    private final AuditTrail audit;
    private final ScheduleAccess access;
    private final Duration heartbeatInterval;

    ScheduleStreamController(ScheduleStreamHub hub, AuditTrail audit, ScheduleAccess access,
                             @Value("${illajwala.stream.heartbeat-interval:15s}") Duration heartbeatInterval) {
        this.hub = hub;
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
                                           Caller caller, ServerHttpRequest request) {
        Flux<ServerSentEvent<Object>> changes = hub.updates()
                .filter(envelope -> envelope.data().tenantId().equals(caller.tenantId()))
                .filter(envelope -> concerns(envelope, doctorId, date))
                .map(envelope -> ServerSentEvent.builder((Object) envelope.data())
                        .id(envelope.id())
                        .event(envelope.type().name())
                        .build());
        Flux<ServerSentEvent<Object>> heartbeats = Flux.interval(heartbeatInterval)
                .map(tick -> ServerSentEvent.builder().comment("heartbeat").build());
        return access.require(doctorId, caller)
                .then(audit.record(caller, request, "read", "schedule", doctorId, caller.tenantId()))
                .thenMany(Flux.merge(changes, heartbeats));
    }

    private static boolean concerns(EventEnvelope envelope, String doctorId, LocalDate date) {
        if (!(envelope.data() instanceof AppointmentEvent event) || !BOARD_EVENTS.contains(event.getClass())
                || !event.doctorId().equals(doctorId)) {
            return false;
        }
        return date == null || event.start().atZone(ZoneId.of(event.timezone())).toLocalDate().equals(date);
    }
}
