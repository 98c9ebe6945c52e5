package com.illajwala.booking.doctor;

/** Whether a doctor may have slots: only doctors the platform has verified are bookable. */
public interface BookableDoctors {

    boolean isBookable(String doctorId);
}
