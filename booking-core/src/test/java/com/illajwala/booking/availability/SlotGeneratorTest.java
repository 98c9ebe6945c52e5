package com.illajwala.booking.availability;

import com.illajwala.events.ConsultationMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class SlotGeneratorTest {

    private static final Set<ConsultationMode> MODES = Set.of(ConsultationMode.CLINIC);
    private static final Duration HALF_HOUR = Duration.ofMinutes(30);

    /** 09:00–17:00 every day, 30-minute slots: 16 a day. */
    private static Session dayClinic() {
        return new Session(LocalTime.of(9, 0), LocalTime.of(17, 0), List.of(), HALF_HOUR, Duration.ZERO, 1, MODES);
    }

    private static AvailabilityRules everyDay(String timezone, Session session) {
        Map<DayOfWeek, List<Session>> weekly = new EnumMap<>(DayOfWeek.class);
        Arrays.stream(DayOfWeek.values()).forEach(day -> weekly.put(day, List.of(session)));
        return new AvailabilityRules(timezone, weekly, Set.of(), Map.of(), Duration.ZERO, Duration.ofDays(7));
    }

    /**
     * Across each change (the Sunday in the middle of the week generated): every day has its 16
     * slots at the same wall-clock times, none twice.
     */
    @ParameterizedTest
    @CsvSource({
            "Europe/London, 2027-03-25", "Europe/London, 2027-10-28",
            "America/New_York, 2027-03-11", "America/New_York, 2027-11-04",
            "Asia/Kolkata, 2027-03-25"})
    void aNineOClockSlotIsAtNineLocalOnBothSidesOfADaylightSavingChange(String timezone, LocalDate firstDay) {
        ZoneId zone = ZoneId.of(timezone);
        Instant now = firstDay.atStartOfDay(zone).toInstant();

        List<GeneratedSlot> slots = SlotGenerator.generate(everyDay(timezone, dayClinic()), now);

        Map<LocalDate, List<LocalTime>> byDay = slots.stream().collect(Collectors.groupingBy(
                slot -> LocalDate.ofInstant(slot.start(), zone), java.util.TreeMap::new,
                Collectors.mapping(slot -> LocalTime.ofInstant(slot.start(), zone), Collectors.toList())));
        List<LocalTime> expected = java.util.stream.IntStream.range(0, 16)
                .mapToObj(i -> LocalTime.of(9, 0).plusMinutes(30L * i)).toList();
        assertThat(byDay).hasSize(7);
        byDay.values().forEach(times -> assertThat(times).containsExactlyElementsOf(expected));
        assertThat(slots).extracting(GeneratedSlot::start).doesNotHaveDuplicates();
        assertThat(slots).allSatisfy(slot -> assertThat(Duration.between(slot.start(), slot.end())).isEqualTo(HALF_HOUR));
    }

    @Test
    void aLocalTimeInsideTheSpringGapHasNoSlotAndTheAutumnOverlapHasEachTimeOnce() {
        Session night = new Session(LocalTime.of(0, 0), LocalTime.of(4, 0), List.of(), HALF_HOUR, Duration.ZERO, 1, MODES);
        ZoneId london = ZoneId.of("Europe/London");

        List<LocalTime> spring = localStarts(SlotGenerator.generate(sundayOnly(night, LocalDate.of(2027, 3, 28)),
                LocalDate.of(2027, 3, 27).atStartOfDay(london).toInstant()), london);
        assertThat(spring).containsExactly(LocalTime.of(0, 0), LocalTime.of(0, 30), LocalTime.of(2, 0),
                LocalTime.of(2, 30), LocalTime.of(3, 0), LocalTime.of(3, 30));

        List<GeneratedSlot> autumn = SlotGenerator.generate(sundayOnly(night, LocalDate.of(2027, 10, 31)),
                LocalDate.of(2027, 10, 30).atStartOfDay(london).toInstant());
        assertThat(localStarts(autumn, london)).hasSize(8).doesNotHaveDuplicates();
        for (int i = 1; i < autumn.size(); i++) {
            assertThat(autumn.get(i).start()).isAfterOrEqualTo(autumn.get(i - 1).end());
        }
    }

    @Test
    void breaksBuffersLeaveAndExtraSessionsShapeTheDay() {
        Session morning = new Session(LocalTime.of(9, 0), LocalTime.of(12, 0),
                List.of(new Session.Break(LocalTime.of(10, 0), LocalTime.of(10, 30))),
                Duration.ofMinutes(20), Duration.ofMinutes(10), 3, Set.of(ConsultationMode.TELEHEALTH));
        LocalDate monday = LocalDate.of(2027, 2, 1);
        LocalDate nextMonday = monday.plusWeeks(1);
        Session saturdayExtra = new Session(LocalTime.of(8, 0), LocalTime.of(9, 0), List.of(), HALF_HOUR, Duration.ZERO,
                1, MODES);
        AvailabilityRules rules = new AvailabilityRules("Asia/Kolkata", Map.of(DayOfWeek.MONDAY, List.of(morning)),
                Set.of(nextMonday), Map.of(monday.plusDays(5), List.of(saturdayExtra)), Duration.ZERO, Duration.ofDays(13));
        ZoneId zone = ZoneId.of("Asia/Kolkata");

        List<GeneratedSlot> slots = SlotGenerator.generate(rules, monday.atStartOfDay(zone).toInstant());

        assertThat(localStarts(slots.subList(0, 5), zone)).containsExactly(LocalTime.of(9, 0), LocalTime.of(9, 30),
                LocalTime.of(10, 30), LocalTime.of(11, 0), LocalTime.of(11, 30));
        assertThat(slots.get(0).capacity()).isEqualTo(3);
        assertThat(slots.get(0).modes()).containsExactly(ConsultationMode.TELEHEALTH);
        assertThat(slots).hasSize(7);
        assertThat(LocalDate.ofInstant(slots.get(5).start(), zone)).isEqualTo(monday.plusDays(5));
        assertThat(slots).noneMatch(slot -> LocalDate.ofInstant(slot.start(), zone).equals(nextMonday));
    }

    @Test
    void noSlotInsideTheMinimumNoticeOrBeyondTheHorizon() {
        ZoneId zone = ZoneId.of("Asia/Kolkata");
        Instant now = ZonedDateTime.of(2027, 2, 1, 10, 0, 0, 0, zone).toInstant();
        AvailabilityRules rules = new AvailabilityRules("Asia/Kolkata",
                everyDay("Asia/Kolkata", dayClinic()).weekly(), Set.of(), Map.of(), Duration.ofHours(2), Duration.ofDays(2));

        List<GeneratedSlot> slots = SlotGenerator.generate(rules, now);

        assertThat(slots.get(0).start()).isEqualTo(now.plus(Duration.ofHours(2)));
        assertThat(slots.get(slots.size() - 1).start()).isBeforeOrEqualTo(now.plus(Duration.ofDays(2)));
        assertThat(slots).hasSize(10 + 16 + 3);
    }

    private static AvailabilityRules sundayOnly(Session session, LocalDate sunday) {
        return new AvailabilityRules("Europe/London", Map.of(DayOfWeek.SUNDAY, List.of(session)), Set.of(), Map.of(),
                Duration.ZERO, Duration.ofDays(2));
    }

    private static List<LocalTime> localStarts(List<GeneratedSlot> slots, ZoneId zone) {
        return slots.stream().map(slot -> LocalTime.ofInstant(slot.start(), zone)).toList();
    }
}
