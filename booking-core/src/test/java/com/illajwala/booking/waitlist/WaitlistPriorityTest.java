package com.illajwala.booking.waitlist;

import com.illajwala.events.ConsultationMode;
import com.illajwala.events.identity.WaitlistPolicy;
import com.illajwala.events.waitlist.TimeOfDay;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class WaitlistPriorityTest {

    private static final Instant NOW = Instant.parse("2027-02-10T06:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2027, 2, 12);
    private static final WaitlistPolicy DEFAULTS = WaitlistPolicy.defaults();

    @Test
    void theScoreIsTheWeightedSumOfUrgencyTimeWaitedAndFlexibility() {
        QueuedEntry entry = entry("e", true, Duration.ofDays(7).multipliedBy(2), DAY, DAY.plusDays(13),
                EnumSet.allOf(TimeOfDay.class), EnumSet.allOf(ConsultationMode.class));
        assertThat(WaitlistPriority.score(entry, DEFAULTS, NOW)).isCloseTo(100.0, within(1e-9));
        QueuedEntry narrow = entry("n", false, Duration.ofHours(84), DAY, DAY, Set.of(TimeOfDay.MORNING),
                Set.of(ConsultationMode.CLINIC));
        // half the full wait; a one-day window, one part of the day, one mode
        double flexibility = (1 / 14.0 + 1 / 3.0 + 1 / 3.0) / 3;
        assertThat(WaitlistPriority.score(narrow, DEFAULTS, NOW)).isCloseTo(30 * 0.5 + 20 * flexibility, within(1e-9));
    }

    @Test
    void urgentFirstThenLongestWaitingThenMostFlexibleThenFirstToJoin() {
        QueuedEntry urgent = entry("urgent", true, Duration.ofMinutes(1), DAY, DAY, Set.of(TimeOfDay.MORNING),
                Set.of(ConsultationMode.CLINIC));
        QueuedEntry waitedLong = entry("waited", false, Duration.ofDays(6), DAY, DAY, Set.of(TimeOfDay.MORNING),
                Set.of(ConsultationMode.CLINIC));
        QueuedEntry flexible = entry("flexible", false, Duration.ofDays(1), DAY, DAY.plusDays(13),
                EnumSet.allOf(TimeOfDay.class), EnumSet.allOf(ConsultationMode.class));
        QueuedEntry early = entry("b-early", false, Duration.ofHours(2), DAY, DAY, Set.of(TimeOfDay.MORNING),
                Set.of(ConsultationMode.CLINIC));
        QueuedEntry late = entry("a-late", false, Duration.ofHours(2).minusSeconds(1), DAY, DAY,
                Set.of(TimeOfDay.MORNING), Set.of(ConsultationMode.CLINIC));
        WaitlistPolicy noWaitingWeight = new WaitlistPolicy(15, 50, 0, 20);
        List<QueuedEntry> ordered = Stream.of(late, early, flexible, waitedLong, urgent)
                .sorted(WaitlistPriority.order(DEFAULTS, NOW)).toList();
        assertThat(ordered).extracting(QueuedEntry::entryId).containsExactly("urgent", "waited", "flexible", "b-early", "a-late");
        // with no weight on time waited, equal entries go by join time alone
        assertThat(Stream.of(late, early).sorted(WaitlistPriority.order(noWaitingWeight, NOW)))
                .extracting(QueuedEntry::entryId).containsExactly("b-early", "a-late");
    }

    @Test
    void aClinicThatIgnoresUrgencyOrdersByItsOtherWeights() {
        WaitlistPolicy noUrgency = new WaitlistPolicy(15, 0, 30, 20);
        QueuedEntry urgent = entry("urgent", true, Duration.ofMinutes(1), DAY, DAY, Set.of(TimeOfDay.MORNING),
                Set.of(ConsultationMode.CLINIC));
        QueuedEntry waitedLong = entry("waited", false, Duration.ofDays(6), DAY, DAY, Set.of(TimeOfDay.MORNING),
                Set.of(ConsultationMode.CLINIC));
        assertThat(Stream.of(urgent, waitedLong).sorted(WaitlistPriority.order(noUrgency, NOW)))
                .extracting(QueuedEntry::entryId).containsExactly("waited", "urgent");
    }

    private static QueuedEntry entry(String id, boolean urgent, Duration waited, LocalDate from, LocalDate to,
                                     Set<TimeOfDay> times, Set<ConsultationMode> modes) {
        return new QueuedEntry(id, "apollo", "clinic-1", "dr-1", null, "patient-" + id, null, from, to, times, modes,
                NOW.plus(Duration.ofDays(30)), NOW.minus(waited), urgent, WaitlistEntry.Status.PENDING, null, null, null);
    }
}
