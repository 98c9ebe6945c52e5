package com.illajwala.platform.health;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The event store answers and its head position (the last global index) is readable. */
@Component("eventStore")
class EventStoreHealthIndicator extends AbstractHealthIndicator {

    private final JdbcTemplate jdbc;

    EventStoreHealthIndicator(JdbcTemplate jdbc) {
        super("Event store is not reachable");
        this.jdbc = jdbc;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Long head = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
        builder.up().withDetail("headGlobalIndex", head);
    }
}
