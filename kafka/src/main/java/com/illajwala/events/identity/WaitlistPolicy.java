package com.illajwala.events.identity;

/**
 * How a clinic offers a freed seat to its waiting patients. An entry's priority score is
 * {@code urgencyWeight × urgent (0 or 1) + waitingTimeWeight × min(time waited / 7 days, 1) +
 * flexibilityWeight × flexibility}, where flexibility (0 to 1) is the mean of the window's length
 * (up to 14 days), its share of the day's three parts and its share of the three consultation modes.
 * The highest score is offered first; ties go to whoever joined first.
 *
 * @param offerMinutes how long a patient offered a seat has to accept it; the seat is held for them meanwhile
 */
public record WaitlistPolicy(int offerMinutes, int urgencyWeight, int waitingTimeWeight, int flexibilityWeight) {

    /** 15 minutes to accept; urgency 50, time waited 30, flexibility 20. */
    public static WaitlistPolicy defaults() {
        return new WaitlistPolicy(15, 50, 30, 20);
    }
}
