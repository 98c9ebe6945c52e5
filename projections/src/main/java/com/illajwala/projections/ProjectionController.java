package com.illajwala.projections;

import com.illajwala.web.ApiResponse;
import com.illajwala.web.access.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The read models' state, and their rebuild: platform admins only. */
@RestController
class ProjectionController {

    private final ProjectionConsumer projections;
    private final ProjectionLag lag;

    ProjectionController(ProjectionConsumer projections, ProjectionLag lag) {
        this.projections = projections;
        this.lag = lag;
    }

    /** @param lag events not yet applied, as measured now */
    record ProjectionStatus(long generation, String consumerGroup, long lag) {
    }

    @GetMapping("/api/projections")
    Mono<ApiResponse<ProjectionStatus>> status(Caller caller) {
        caller.requirePlatformAdmin();
        return Mono.fromCallable(this::current).subscribeOn(Schedulers.boundedElastic()).map(ApiResponse::ok);
    }

    /** Drops the read models and replays every topic from its start; answers at once, the replay runs on. */
    @PostMapping("/api/projections/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<ApiResponse<ProjectionStatus>> rebuild(Caller caller) {
        caller.requirePlatformAdmin();
        return projections.rebuild()
                .then(Mono.fromCallable(this::current).subscribeOn(Schedulers.boundedElastic()))
                .map(ApiResponse::ok);
    }

    private ProjectionStatus current() {
        long generation = projections.generation();
        return new ProjectionStatus(generation, projections.groupOf(generation), lag.measure());
    }
}
