package com.illajwala.booking.availability;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lays slots out from availability rules. Times are clinic-local wall-clock times: a 09:00 slot is
 * 09:00 on both sides of a daylight-saving change. A local time that does not exist (inside the
 * spring-forward gap) has no slot; one that exists twice (the autumn overlap) has one, at its
 * first occurrence. A slot lasts its length in real time.
 */
public final class SlotGenerator {

    private SlotGenerator() {
    }

    /** The slots from {@code now + minimumNotice} up to {@code now + maximumAdvance}, earliest first. */
    public static List<GeneratedSlot> generate(AvailabilityRules rules, Instant now) {
        ZoneId zone = ZoneId.of(rules.timezone());
        Instant earliest = now.plus(rules.minimumNotice());
        Instant latest = now.plus(rules.maximumAdvance());
        Map<Instant, GeneratedSlot> slots = new LinkedHashMap<>();
        for (LocalDate date = LocalDate.ofInstant(earliest, zone); !date.isAfter(LocalDate.ofInstant(latest, zone));
             date = date.plusDays(1)) {
            if (rules.leaveDays().contains(date)) {
                continue;
            }
            List<Session> sessions = new ArrayList<>(rules.weekly().getOrDefault(date.getDayOfWeek(), List.of()));
            sessions.addAll(rules.extraSessions().getOrDefault(date, List.of()));
            for (Session session : sessions) {
                for (GeneratedSlot slot : slotsOf(session, date, zone)) {
                    if (!slot.start().isBefore(earliest) && !slot.start().isAfter(latest)) {
                        slots.putIfAbsent(slot.start(), slot);
                    }
                }
            }
        }
        return slots.values().stream().sorted(Comparator.comparing(GeneratedSlot::start)).toList();
    }

    private static List<GeneratedSlot> slotsOf(Session session, LocalDate date, ZoneId zone) {
        int length = (int) session.slotLength().toMinutes();
        int step = length + (int) session.buffer().toMinutes();
        int end = Session.minuteOfDay(session.end());
        List<GeneratedSlot> slots = new ArrayList<>();
        int minute = Session.minuteOfDay(session.start());
        while (minute + length <= end) {
            int from = minute;
            Session.Break pause = session.breaks().stream().filter(b -> b.overlaps(from, from + length)).findFirst().orElse(null);
            if (pause != null) {
                minute = Session.minuteOfDay(pause.end());
                continue;
            }
            LocalDateTime local = date.atStartOfDay().plusMinutes(minute);
            ZonedDateTime start = local.atZone(zone);
            if (start.toLocalDateTime().equals(local)) {
                slots.add(new GeneratedSlot(start.toInstant(), start.toInstant().plus(session.slotLength()),
                        session.capacity(), session.modes()));
            }
            minute += step;
        }
        return slots;
    }
}
