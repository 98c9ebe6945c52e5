package com.illajwala.events;

/**
 * One event type of the contract: its CloudEvents {@code ce_type}, the record that carries it and
 * the topic it is published on.
 */
public record EventType<E extends IllajwalaEvent>(String name, Class<E> javaType, Topic topic) {
}
