package com.illajwala.events;

/** The Kafka topics of the contract, one per aggregate family, versioned in their names. */
public enum Topic {
    SLOT("illajwala.slot.v1", "/illajwala/booking"),
    APPOINTMENT("illajwala.appointment.v1", "/illajwala/booking"),
    WAITLIST("illajwala.waitlist.v1", "/illajwala/booking"),
    IDENTITY("illajwala.identity.v1", "/illajwala/identity"),
    SCHEDULE("illajwala.schedule.v1", "/illajwala/booking"),
    NOTIFICATION("illajwala.notification.v1", "/illajwala/notifications");

    private final String topicName;
    private final String source;

    Topic(String topicName, String source) {
        this.topicName = topicName;
        this.source = source;
    }

    /** The Kafka topic name. */
    public String topicName() {
        return topicName;
    }

    /** The CloudEvents {@code ce_source} of every event on this topic. */
    public String source() {
        return source;
    }

    /** The dead-letter topic for records of this topic that a consumer cannot process. */
    public String deadLetterTopicName() {
        return topicName + ".dlq";
    }
}
