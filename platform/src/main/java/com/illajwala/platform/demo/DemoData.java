package com.illajwala.platform.demo;

import com.illajwala.eventstore.command.CommandDispatcher;
import com.illajwala.booking.slot.SlotCommands.PublishSlot;
import com.illajwala.events.ConsultationMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Demo tenants with doctors whose slots are published for the next 14 days, Monday to Saturday,
 * 09:00–13:00 and 14:00–17:00 local time in 30-minute slots. Runs at every start: slot ids are
 * derived from their facts, so slots already published are left as they are and the horizon rolls on.
 */
@Component
@ConditionalOnProperty(name = "illajwala.demo-data.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final int HORIZON_DAYS = 14;
    private static final Duration SLOT_LENGTH = Duration.ofMinutes(30);
    private static final List<LocalTime[]> SESSIONS = List.of(
            new LocalTime[]{LocalTime.of(9, 0), LocalTime.of(13, 0)},
            new LocalTime[]{LocalTime.of(14, 0), LocalTime.of(17, 0)});

    /** A demo doctor at a demo clinic; group sessions have more than one seat. */
    record DemoDoctor(String tenantId, String clinicId, String timezone, String doctorId, int capacity) {
    }

    static final List<DemoDoctor> DOCTORS = List.of(
            new DemoDoctor("apollo", "apollo-koramangala", "Asia/Kolkata", "dr-anika-mehta", 1),
            new DemoDoctor("apollo", "apollo-koramangala", "Asia/Kolkata", "dr-rahul-iyer", 1),
            new DemoDoctor("apollo", "apollo-koramangala", "Asia/Kolkata", "dr-sana-khan", 1),
            new DemoDoctor("sunrise", "sunrise-camden", "Europe/London", "dr-oliver-hughes", 1),
            new DemoDoctor("sunrise", "sunrise-camden", "Europe/London", "dr-priya-shah", 4));

    private final CommandDispatcher commands;
    private final Clock clock;

    DemoData(CommandDispatcher commands) {
        this.commands = commands;
        this.clock = Clock.systemUTC();
    }

    @Override
    public void run(ApplicationArguments args) {
        List<PublishSlot> slots = DOCTORS.stream().flatMap(doctor -> slotsOf(doctor).stream()).toList();
        Flux.fromIterable(slots)
                .flatMap(commands::send, 8)
                .then()
                .block(Duration.ofMinutes(2));
        log.info("Demo data: {} slots of {} doctors published for the next {} days", slots.size(), DOCTORS.size(),
                HORIZON_DAYS);
    }

    List<PublishSlot> slotsOf(DemoDoctor doctor) {
        ZoneId zone = ZoneId.of(doctor.timezone());
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<PublishSlot> slots = new ArrayList<>();
        for (int day = 1; day <= HORIZON_DAYS; day++) {
            LocalDate date = today.plusDays(day);
            if (date.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            for (LocalTime[] session : SESSIONS) {
                for (LocalTime time = session[0]; time.isBefore(session[1]); time = time.plus(SLOT_LENGTH)) {
                    ZonedDateTime start = ZonedDateTime.of(date, time, zone);
                    slots.add(PublishSlot.of(doctor.tenantId(), doctor.doctorId(), doctor.clinicId(),
                            start.toInstant(), start.plus(SLOT_LENGTH).toInstant(), doctor.timezone(),
                            doctor.capacity(), Set.of(ConsultationMode.CLINIC, ConsultationMode.TELEHEALTH)));
                }
            }
        }
        return slots;
    }
}
