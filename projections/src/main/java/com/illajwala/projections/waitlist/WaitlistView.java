package com.illajwala.projections.waitlist;

import org.springframework.data.annotation.Id;

import java.time.Instant;

/** A waitlist entry as analytics counts it: when it joined and how it ended. */
public record WaitlistView(@Id String entryId, String tenantId, String clinicId, String doctorId, Instant joinedAt,
                           String status, long version) {

    public static final String COLLECTION = "waitlist_view";
}
