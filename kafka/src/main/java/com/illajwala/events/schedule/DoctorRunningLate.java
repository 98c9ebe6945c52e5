package com.illajwala.events.schedule;

import java.time.LocalDate;
import java.util.List;

/**
 * The doctor (or their clinic's desk) announced that the day runs {@code minutes} late. It names the
 * appointments of that day still to be seen when it was announced, so their patients can be told.
 *
 * @param date           the day, in the time zone of the clinics the appointments are at
 * @param appointmentIds the day's confirmed and checked-in appointments of the doctor at the time
 */
public record DoctorRunningLate(String doctorId, String tenantId, LocalDate date, int minutes,
                                List<String> appointmentIds) implements ScheduleEvent {

    /** A doctor's day: {@code {doctorId}:{date}}. */
    public static String doctorDayId(String doctorId, LocalDate date) {
        return doctorId + ":" + date;
    }

    @Override
    public String aggregateId() {
        return doctorDayId(doctorId, date);
    }
}
