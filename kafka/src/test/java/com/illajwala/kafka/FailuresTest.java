package com.illajwala.kafka;

import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

class FailuresTest {

    /** Named like Lettuce's, as the check goes by name. */
    static class RedisConnectionException extends RuntimeException {
    }

    static class TimedOutReadingFromRedis extends RedisConnectionException {
    }

    @Test
    void anUnreachableStoreIsTransientWhereverItIsInTheCauses() {
        assertThat(Failures.isTransient(new IllegalStateException("wrapped", new ConnectException("refused")))).isTrue();
        assertThat(Failures.isTransient(new UncheckedIOException(new java.io.IOException("reset")))).isTrue();
        assertThat(Failures.isTransient(new RuntimeException(new TimeoutException()))).isTrue();
        assertThat(Failures.isTransient(new RuntimeException(new SQLException("no connection", "08001")))).isTrue();
        assertThat(Failures.isTransient(new SQLException("terminating connection due to administrator command", "57P01"))).isTrue();
        assertThat(Failures.isTransient(new TimedOutReadingFromRedis())).isTrue();
    }

    @Test
    void aFailureOfTheRecordItselfIsNot() {
        assertThat(Failures.isTransient(new IllegalStateException("cannot handle"))).isFalse();
        assertThat(Failures.isTransient(new NullPointerException())).isFalse();
        assertThat(Failures.isTransient(new RuntimeException(new SQLException("duplicate key", "23505")))).isFalse();
    }
}
