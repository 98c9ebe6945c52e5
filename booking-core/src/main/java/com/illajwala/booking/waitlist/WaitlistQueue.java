package com.illajwala.booking.waitlist;

import com.illajwala.events.ConsultationMode;
import com.illajwala.events.waitlist.TimeOfDay;
import com.illajwala.events.waitlist.WaitlistEntryBooked;
import com.illajwala.events.waitlist.WaitlistEntryExpired;
import com.illajwala.events.waitlist.WaitlistEntryWithdrawn;
import com.illajwala.events.waitlist.WaitlistJoined;
import com.illajwala.events.waitlist.WaitlistOfferDeclined;
import com.illajwala.events.waitlist.WaitlistOfferLapsed;
import com.illajwala.events.waitlist.WaitlistOfferMade;
import com.illajwala.events.waitlist.WaitlistUrgencySet;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The waitlist as a table, kept from the entries' events in the very transaction that records them
 * (a subscribing processor), so the routes always read what was decided.
 */
@Component
@ProcessingGroup(WaitlistQueue.PROCESSING_GROUP)
public class WaitlistQueue {

    static final String PROCESSING_GROUP = "waitlist-queue";
    private static final String COLUMNS = "entry_id, tenant_id, clinic_id, doctor_id, specialization, patient_id, "
            + "dependent_id, window_from, window_to, times_of_day, modes, expires_at, joined_at, urgent, status, "
            + "offer_slot_id, offer_hold_id, offer_start, offer_expires_at, appointment_id";
    private static final RowMapper<QueuedEntry> ROW = (row, index) -> new QueuedEntry(row.getString(1), row.getString(2),
            row.getString(3), row.getString(4), row.getString(5), row.getString(6), row.getString(7),
            row.getObject(8, LocalDate.class), row.getObject(9, LocalDate.class),
            enums(row.getString(10), TimeOfDay.class), enums(row.getString(11), ConsultationMode.class),
            instant(row.getTimestamp(12)), instant(row.getTimestamp(13)), row.getBoolean(14),
            WaitlistEntry.Status.valueOf(row.getString(15)),
            row.getString(16) == null ? null : new QueuedEntry.Offer(row.getString(16), row.getString(17),
                    instant(row.getTimestamp(18)), instant(row.getTimestamp(19))),
            row.getString(20), null);

    private final JdbcTemplate jdbc;

    WaitlistQueue(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(WaitlistJoined event, @org.axonframework.eventhandling.Timestamp Instant joinedAt) {
        jdbc.update("INSERT INTO waitlist_entry (" + COLUMNS.substring(0, COLUMNS.indexOf(", offer_slot_id"))
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, 'PENDING') ON CONFLICT DO NOTHING",
                event.entryId(), event.tenantId(), event.clinicId(), event.doctorId(), event.specialization(),
                event.patientId(), event.dependentId(), event.from(), event.to(), names(event.timesOfDay()),
                names(event.modes()), Timestamp.from(event.expiresAt()), Timestamp.from(joinedAt));
    }

    @EventHandler
    void on(WaitlistUrgencySet event) {
        jdbc.update("UPDATE waitlist_entry SET urgent = ? WHERE entry_id = ?", event.urgent(), event.entryId());
    }

    @EventHandler
    void on(WaitlistOfferMade event) {
        jdbc.update("UPDATE waitlist_entry SET status = 'PROMOTED', offer_slot_id = ?, offer_hold_id = ?, offer_start = ?, "
                        + "offer_expires_at = ? WHERE entry_id = ?", event.slotId(), event.holdId(),
                Timestamp.from(event.start()), Timestamp.from(event.expiresAt()), event.entryId());
    }

    @EventHandler
    void on(WaitlistOfferDeclined event) {
        passOn(event.entryId(), event.slotId());
    }

    @EventHandler
    void on(WaitlistOfferLapsed event) {
        passOn(event.entryId(), event.slotId());
    }

    private void passOn(String entryId, String slotId) {
        jdbc.update("INSERT INTO waitlist_passed (entry_id, slot_id) VALUES (?, ?) ON CONFLICT DO NOTHING", entryId, slotId);
        endOffer(entryId, WaitlistEntry.Status.PENDING);
    }

    @EventHandler
    void on(WaitlistEntryBooked event) {
        endOffer(event.entryId(), WaitlistEntry.Status.BOOKED);
        jdbc.update("UPDATE waitlist_entry SET appointment_id = ? WHERE entry_id = ?", event.appointmentId(), event.entryId());
    }

    @EventHandler
    void on(WaitlistEntryExpired event) {
        endOffer(event.entryId(), WaitlistEntry.Status.EXPIRED);
    }

    @EventHandler
    void on(WaitlistEntryWithdrawn event) {
        endOffer(event.entryId(), WaitlistEntry.Status.WITHDRAWN);
    }

    private void endOffer(String entryId, WaitlistEntry.Status status) {
        jdbc.update("UPDATE waitlist_entry SET status = ?, offer_slot_id = NULL, offer_hold_id = NULL, offer_start = NULL, "
                + "offer_expires_at = NULL WHERE entry_id = ?", status.name(), entryId);
    }

    public Optional<QueuedEntry> entry(String entryId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM waitlist_entry WHERE entry_id = ?", ROW, entryId).stream().findFirst();
    }

    /** The entry a seat's hold was offered to, while the offer stands. */
    public Optional<QueuedEntry> holdingOffer(String holdId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM waitlist_entry WHERE offer_hold_id = ?", ROW, holdId).stream()
                .findFirst();
    }

    public List<QueuedEntry> ofPatient(String patientId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM waitlist_entry WHERE patient_id = ? ORDER BY joined_at DESC", ROW,
                patientId);
    }

    /** A tenant's entries, optionally of one doctor and in some states. */
    public List<QueuedEntry> ofTenant(String tenantId, String doctorId, Set<WaitlistEntry.Status> statuses) {
        return jdbc.query("SELECT " + COLUMNS + " FROM waitlist_entry WHERE tenant_id = ? AND (CAST(? AS VARCHAR) IS NULL OR doctor_id = ?) "
                        + "AND status = ANY (?) ORDER BY joined_at", ROW, tenantId, doctorId, doctorId,
                statuses.stream().map(Enum::name).toArray(String[]::new));
    }

    /** Pending entries of the clinic's queue of the doctor, or of the doctor's specialization. */
    public List<QueuedEntry> pendingFor(String tenantId, String clinicId, String doctorId, String specialization) {
        return jdbc.query("SELECT " + COLUMNS + " FROM waitlist_entry WHERE tenant_id = ? AND clinic_id = ? "
                        + "AND status = 'PENDING' AND (doctor_id = ? OR (doctor_id IS NULL AND specialization = ?))",
                ROW, tenantId, clinicId, doctorId, specialization);
    }

    /** Pending entries that wait for the slot's doctor on its day and have not passed on it. */
    List<QueuedEntry> candidates(String tenantId, String clinicId, String doctorId, String specialization, LocalDate day,
                                 String slotId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM waitlist_entry e WHERE tenant_id = ? AND clinic_id = ? "
                        + "AND status = 'PENDING' AND (doctor_id = ? OR (doctor_id IS NULL AND specialization = ?)) "
                        + "AND window_from <= ? AND window_to >= ? "
                        + "AND NOT EXISTS (SELECT 1 FROM waitlist_passed p WHERE p.entry_id = e.entry_id AND p.slot_id = ?)",
                ROW, tenantId, clinicId, doctorId, specialization, day, day, slotId);
    }

    private static String names(Set<? extends Enum<?>> values) {
        return values.stream().map(value -> value.name().toLowerCase(Locale.ROOT)).sorted().collect(Collectors.joining(","));
    }

    private static <E extends Enum<E>> Set<E> enums(String names, Class<E> type) {
        Set<E> values = EnumSet.noneOf(type);
        Arrays.stream(names.split(",")).filter(name -> !name.isBlank())
                .forEach(name -> values.add(Enum.valueOf(type, name.toUpperCase(Locale.ROOT))));
        return values;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
