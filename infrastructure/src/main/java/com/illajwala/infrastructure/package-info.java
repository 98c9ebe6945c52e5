/**
 * Resolves the platform's four dependencies — PostgreSQL, Kafka, MongoDB, Redis — for the running
 * platform and for every integration test alike: an explicitly given address first, then
 * Testcontainers where Docker answers (test classpaths only), then an embedded server.
 */
package com.illajwala.infrastructure;
