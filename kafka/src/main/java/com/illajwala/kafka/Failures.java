package com.illajwala.kafka;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Tells a failure of the infrastructure (a database, cache or broker that does not answer), which
 * passes, from a failure of one record, which does not: only the second kind is dead-lettered. Retrying
 * forever on an outage keeps every event; dead-lettering on one would skip every event of the outage.
 */
public final class Failures {

    /**
     * Infrastructure exceptions of libraries this module does not depend on (Spring's data access,
     * the MongoDB driver, Lettuce, Kafka), recognised by the name of the class or of a superclass.
     */
    private static final Set<String> TRANSIENT_TYPE_NAMES = Set.of(
            "TransientDataAccessException", "DataAccessResourceFailureException", "RecoverableDataAccessException",
            "MongoSocketException", "MongoTimeoutException", "MongoNotPrimaryException", "MongoNodeIsRecoveringException",
            "RedisConnectionException", "RedisCommandTimeoutException", "RetriableException");

    private Failures() {
    }

    /** Whether the failure, or anything that caused it, says the infrastructure was unavailable. */
    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof IOException || cause instanceof TimeoutException
                    || cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                    || isConnectionState(cause) || hasTransientTypeName(cause.getClass())) {
                return true;
            }
        }
        return false;
    }

    /** SQLSTATE class 08 (connection exception) and 57P (operator intervention, e.g. the server shutting down). */
    private static boolean isConnectionState(Throwable cause) {
        if (!(cause instanceof SQLException sql) || sql.getSQLState() == null) {
            return false;
        }
        return sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P");
    }

    private static boolean hasTransientTypeName(Class<?> type) {
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            if (TRANSIENT_TYPE_NAMES.contains(current.getSimpleName())) {
                return true;
            }
        }
        return false;
    }
}
