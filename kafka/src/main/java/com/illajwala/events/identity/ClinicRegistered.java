package com.illajwala.events.identity;

import java.util.List;

/**
 * A tenant opened a clinic (a location). Its address and contact details stay in identity.
 *
 * @param timezone the clinic's IANA time zone: every slot of the clinic is laid out in it
 * @param city                    for search by place
 * @param cancellationNoticeHours patients may cancel or move an appointment until this long before it
 * @param reminderHoursBefore     when patients are reminded of a confirmed appointment
 * @param waitlistPolicy          how freed seats are offered to waiting patients (absent in events
 *                                before it was added: the defaults)
 */
public record ClinicRegistered(String clinicId, String tenantId, String name, String slug, String timezone,
                               String city, int cancellationNoticeHours, List<Integer> reminderHoursBefore,
                               WaitlistPolicy waitlistPolicy)
        implements IdentityEvent {

    @Override
    public String aggregateId() {
        return clinicId;
    }
}
