package com.illajwala.projections.schedule;

import com.illajwala.web.access.Caller;
import com.illajwala.web.access.HostTenant;
import com.illajwala.web.access.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

import java.time.Duration;

/**
 * A patient's own appointments as they change (booked, confirmed, checked in, seen, moved,
 * cancelled, reminders due, payments), for their dependents too, and their waitlist entries (a seat
 * offered, the offer lapsed, booked from it); through a tenant's host only that tenant's. Resumes
 * after {@code Last-Event-ID} like the board, or after {@code ?lastEventId=}: a browser reopening
 * with a fresh single-use ticket opens a new {@code EventSource}, which cannot send the header.
 */
@RestController
class PatientStreamController {

    private final LiveAppointments live;
    private final Duration heartbeatInterval;

    PatientStreamController(LiveAppointments live,
                            @Value("${illajwala.stream.heartbeat-interval:15s}") Duration heartbeatInterval) {
        this.live = live;
        this.heartbeatInterval = heartbeatInterval;
    }

    @GetMapping(path = "/api/stream/appointments", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<Object>> appointments(@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                                               @RequestParam(name = "lastEventId", required = false) String resumeAfter,
                                               Caller caller, HostTenant host) {
        caller.requireRole(Role.PATIENT);
        return Flux.defer(() -> ServerSentChanges.of(live.subscribe(lastEventId != null ? lastEventId : resumeAfter),
                change -> caller.userId().equals(change.patientId()) && host.admits(change.event().tenantId()),
                heartbeatInterval));
    }
}
