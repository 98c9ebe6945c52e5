/**
 * A doctor's day as the clinic runs it: announcing that the day runs late ({@link
 * com.illajwala.booking.schedule.DoctorDay}), and the day's appointments still to be seen ({@link
 * com.illajwala.booking.schedule.DayAppointments}) whose patients are then told.
 */
package com.illajwala.booking.schedule;
