package com.illajwala.events.identity;

/**
 * A tenant opened a clinic (a location). Its address and contact details stay in identity.
 *
 * @param timezone the clinic's IANA time zone: every slot of the clinic is laid out in it
 * @param city     for search by place
 */
public record ClinicRegistered(String clinicId, String tenantId, String name, String slug, String timezone,
                               String city) implements IdentityEvent {

    @Override
    public String aggregateId() {
        return clinicId;
    }
}
