/**
 * The read side: MongoDB read models kept from the Kafka topics, the read routes over them, and
 * the live SSE streams. Every handler is an idempotent upsert guarded by the aggregate sequence
 * number, so a redelivered or replayed event changes nothing.
 */
package com.illajwala.projections;
