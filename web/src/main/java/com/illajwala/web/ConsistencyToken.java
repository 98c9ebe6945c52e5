package com.illajwala.web;

import java.util.Optional;

/**
 * Read-your-writes between the write side and the read models: a write answers, in the header
 * {@value #HEADER}, the aggregate it changed and the sequence number of its last event; a read given
 * the token waits (bounded) until its read model has applied that event.
 */
public record ConsistencyToken(String aggregateId, long version) {

    public static final String HEADER = "X-Consistency-Token";

    public String value() {
        return aggregateId + ":" + version;
    }

    /** The token a header carries; empty when there is none, a 400 naming the header when it is not one. */
    public static Optional<ConsistencyToken> parse(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        int colon = header.lastIndexOf(':');
        try {
            if (colon < 1 || colon > 128) {
                throw new NumberFormatException();
            }
            return Optional.of(new ConsistencyToken(header.substring(0, colon), Long.parseLong(header.substring(colon + 1))));
        } catch (NumberFormatException e) {
            throw ApiException.invalidField(HEADER, "must be a token a write answered");
        }
    }
}
