package com.illajwala.booking.waitlist;

import com.illajwala.booking.doctor.BookingDirectory;
import com.illajwala.booking.slot.SlotRejection;
import com.illajwala.booking.waitlist.WaitlistCommands.LapseOffer;
import com.illajwala.booking.waitlist.WaitlistCommands.OfferSeat;
import com.illajwala.eventstore.command.CommandDispatcher;
import com.illajwala.events.ConsultationMode;
import com.illajwala.events.identity.WaitlistPolicy;
import com.illajwala.events.slot.SlotHoldEnded;
import com.illajwala.events.slot.SlotPublished;
import com.illajwala.events.slot.SlotReopened;
import com.illajwala.events.slot.SlotSeatReleased;
import com.illajwala.events.waitlist.TimeOfDay;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Offers freed seats to waiting patients. A tracking processor over the store, one event after the
 * other: when a seat frees up (a cancellation or no-show releases it, a hold or an offer ends, new
 * availability publishes or reopens a slot) it offers the seat to the best matching pending entry by
 * the clinic's policy. The offer holds the seat for that patient, so the seat is never offered twice
 * at once, and an offer is never made for a seat that is not free: the hold refuses. When an offer
 * lapses, the seat passes to the next entry.
 */
@Component
@ProcessingGroup(WaitlistPromotion.PROCESSING_GROUP)
public class WaitlistPromotion {

    static final String PROCESSING_GROUP = "waitlist-promotion";
    private static final Logger log = LoggerFactory.getLogger(WaitlistPromotion.class);

    /** A slot as the promotion needs it. */
    record SlotFacts(String slotId, String tenantId, String doctorId, String clinicId, Instant start, String timezone,
                     Set<ConsultationMode> modes) {
    }

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    private final JdbcTemplate jdbc;
    private final WaitlistQueue queue;
    private final BookingDirectory directory;
    /**
     * Commands run in their own transactions on the dispatcher's threads, not nested in this
     * processor's: a seat that refuses to be held must not roll back the processor's progress. Run
     * again after a crash, an offer finds the seat held and a lapse finds the offer gone: nothing twice.
     */
    private final CommandDispatcher commands;

    WaitlistPromotion(JdbcTemplate jdbc, WaitlistQueue queue, BookingDirectory directory, CommandDispatcher commands) {
        this.jdbc = jdbc;
        this.queue = queue;
        this.directory = directory;
        this.commands = commands;
    }

    @EventHandler
    void on(SlotPublished event) {
        jdbc.update("INSERT INTO waitlist_slot (slot_id, tenant_id, doctor_id, clinic_id, start_at, timezone, modes) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", event.slotId(), event.tenantId(),
                event.doctorId(), event.clinicId(), Timestamp.from(event.start()), event.timezone(),
                event.modes().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
        offerFreeSeats(event.slotId());
    }

    @EventHandler
    void on(SlotReopened event) {
        offerFreeSeats(event.slotId());
    }

    @EventHandler
    void on(SlotSeatReleased event) {
        if (event.bookable()) {
            offerFreeSeats(event.slotId());
        }
    }

    @EventHandler
    void on(SlotHoldEnded event) {
        if (event.outcome() == SlotHoldEnded.Outcome.BOOKED) {
            return;
        }
        if (event.outcome() == SlotHoldEnded.Outcome.EXPIRED) {
            queue.holdingOffer(event.holdId()).ifPresent(entry ->
                    commands.send(new LapseOffer(entry.entryId(), event.holdId(), now())).block(COMMAND_TIMEOUT));
        }
        offerFreeSeats(event.slotId());
    }

    /** Offers the slot's free seats, best entry first, until the slot refuses to hold another or nobody is left. */
    private void offerFreeSeats(String slotId) {
        Optional<SlotFacts> found = slot(slotId);
        if (found.isEmpty() || !found.get().start().isAfter(now())) {
            return;
        }
        SlotFacts slot = found.get();
        ZonedDateTime local = slot.start().atZone(ZoneId.of(slot.timezone()));
        String specialization = directory.specializationOf(slot.doctorId()).orElse(null);
        WaitlistPolicy policy = directory.waitlistPolicy(slot.clinicId());
        Instant now = now();
        List<QueuedEntry> candidates = new ArrayList<>(queue.candidates(slot.tenantId(), slot.clinicId(), slot.doctorId(),
                specialization, local.toLocalDate(), slotId).stream()
                .filter(entry -> entry.timesOfDay().contains(TimeOfDay.of(local.toLocalTime())))
                .filter(entry -> entry.modes().stream().anyMatch(slot.modes()::contains))
                .sorted(WaitlistPriority.order(policy, now))
                .toList());
        for (QueuedEntry entry : candidates) {
            ConsultationMode mode = Arrays.stream(ConsultationMode.values())
                    .filter(candidate -> entry.modes().contains(candidate) && slot.modes().contains(candidate))
                    .findFirst().orElseThrow();
            try {
                commands.send(new OfferSeat(entry.entryId(), slotId, slot.doctorId(), slot.clinicId(), slot.start(),
                        slot.timezone(), mode, UUID.randomUUID().toString(), Duration.ofMinutes(policy.offerMinutes()), now))
                        .block(COMMAND_TIMEOUT);
            } catch (SlotRejection noFreeSeat) {
                return;
            } catch (WaitlistRejection entryMovedOn) {
                log.debug("Waitlist entry {} cannot be offered slot {}: {}", entry.entryId(), slotId, entryMovedOn.getMessage());
            }
        }
    }

    private Optional<SlotFacts> slot(String slotId) {
        return jdbc.query("SELECT slot_id, tenant_id, doctor_id, clinic_id, start_at, timezone, modes FROM waitlist_slot "
                        + "WHERE slot_id = ?", (row, index) -> new SlotFacts(row.getString(1), row.getString(2),
                        row.getString(3), row.getString(4), row.getTimestamp(5).toInstant(), row.getString(6),
                        Arrays.stream(row.getString(7).split(",")).map(mode -> ConsultationMode.valueOf(mode.toUpperCase(Locale.ROOT)))
                                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ConsultationMode.class)))),
                slotId).stream().findFirst();
    }

    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }
}
