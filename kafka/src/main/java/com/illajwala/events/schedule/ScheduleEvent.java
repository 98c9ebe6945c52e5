package com.illajwala.events.schedule;

import com.illajwala.events.IllajwalaEvent;

/** Events of a doctor's day as the clinic runs it (the {@code DoctorDay} aggregate of booking-core). */
public sealed interface ScheduleEvent extends IllajwalaEvent permits DoctorRunningLate {

    String doctorId();
}
