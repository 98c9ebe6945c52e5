package com.illajwala.platform.demo;

import com.illajwala.booking.doctor.BookableDoctors;
import com.illajwala.booking.availability.Availabilities;
import com.illajwala.booking.availability.Availabilities.AvailabilityResult;
import com.illajwala.booking.availability.AvailabilityRules;
import com.illajwala.booking.availability.Session;
import com.illajwala.booking.slot.SlotCommands;
import com.illajwala.booking.slot.SlotCommands.BookAppointment;
import com.illajwala.booking.slot.SlotRejection;
import com.illajwala.eventstore.command.CommandDispatcher;
import com.illajwala.events.ConsultationMode;
import com.illajwala.identity.clinic.ClinicDocument;
import com.illajwala.identity.clinic.ClinicDocument.Address;
import com.illajwala.identity.clinic.ClinicDocument.BookingPolicy;
import com.illajwala.identity.clinic.ClinicDocument.CapacitySettings;
import com.illajwala.identity.clinic.ClinicDocument.Contact;
import com.illajwala.events.identity.WaitlistPolicy;
import com.illajwala.identity.clinic.Clinics;
import com.illajwala.identity.doctor.DoctorProfileDocument;
import com.illajwala.identity.doctor.Doctors;
import com.illajwala.identity.doctor.Doctors.Credentials;
import com.illajwala.identity.tenant.TenantDocument;
import com.illajwala.identity.tenant.Tenants;
import com.illajwala.identity.user.UserAccounts;
import com.illajwala.identity.user.UserAccounts.NewAccount;
import com.illajwala.web.ApiException;
import com.illajwala.web.access.Caller;
import com.illajwala.web.access.Role;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Demo tenants, clinics and users of every role, verified doctors available Monday to Saturday,
 * 09:00–13:00 and 14:00–17:00 local time in 30-minute slots, over a 14-day horizon that rolls each
 * day by itself, and a few appointments of the demo patients. Runs at every start: whatever exists
 * already is left as it is.
 */
@Component
@ConditionalOnProperty(name = "illajwala.demo-data.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final int HORIZON_DAYS = 14;
    private static final Duration SLOT_LENGTH = Duration.ofMinutes(30);
    private static final Duration MINIMUM_NOTICE = Duration.ofHours(1);
    private static final Set<ConsultationMode> MODES = Set.of(ConsultationMode.CLINIC, ConsultationMode.TELEHEALTH);
    private static final List<LocalTime[]> SESSIONS = List.of(
            new LocalTime[]{LocalTime.of(9, 0), LocalTime.of(13, 0)},
            new LocalTime[]{LocalTime.of(14, 0), LocalTime.of(17, 0)});

    record DemoTenant(String slug, String name, String adminEmail, String staffEmail, String clinicId,
                      String clinicName, String timezone, String city, String country, String currency) {
    }

    /** A demo doctor at a demo clinic; group sessions have more than one seat. */
    record DemoDoctor(DemoTenant tenant, String doctorId, String name, String email, String specialization, int capacity) {
    }

    static final DemoTenant APOLLO = new DemoTenant("apollo", "Apollo Clinics", "admin@apollo.test",
            "frontdesk@apollo.test", "apollo-koramangala", "Apollo Koramangala", "Asia/Kolkata", "Bengaluru", "IN", "INR");
    static final DemoTenant SUNRISE = new DemoTenant("sunrise", "Sunrise Health", "admin@sunrise.test",
            "reception@sunrise.test", "sunrise-camden", "Sunrise Camden", "Europe/London", "London", "GB", "GBP");

    static final List<DemoDoctor> DOCTORS = List.of(
            new DemoDoctor(APOLLO, "dr-anika-mehta", "Dr Anika Mehta", "anika.mehta@apollo.test", "cardiology", 1),
            new DemoDoctor(APOLLO, "dr-rahul-iyer", "Dr Rahul Iyer", "rahul.iyer@apollo.test", "dermatology", 1),
            new DemoDoctor(APOLLO, "dr-sana-khan", "Dr Sana Khan", "sana.khan@apollo.test", "paediatrics", 1),
            new DemoDoctor(SUNRISE, "dr-oliver-hughes", "Dr Oliver Hughes", "oliver.hughes@sunrise.test", "general practice", 1),
            new DemoDoctor(SUNRISE, "dr-priya-shah", "Dr Priya Shah", "priya.shah@sunrise.test", "physiotherapy", 4));

    /** A demo patient's appointment, made at the first start in the doctor's slot at {@code at} a few working days on. */
    record DemoBooking(String appointmentId, String patientId, DemoDoctor doctor, int workingDaysAhead, LocalTime at) {
    }

    static final List<DemoBooking> BOOKINGS = List.of(
            new DemoBooking("demo-appointment-asha-1", "patient-asha", DOCTORS.get(0), 2, LocalTime.of(12, 0)),
            new DemoBooking("demo-appointment-asha-2", "patient-asha", DOCTORS.get(1), 3, LocalTime.of(15, 30)),
            new DemoBooking("demo-appointment-ben-1", "patient-ben", DOCTORS.get(3), 2, LocalTime.of(12, 0)),
            new DemoBooking("demo-appointment-ben-2", "patient-ben", DOCTORS.get(4), 4, LocalTime.of(16, 0)));

    private final Availabilities availabilities;
    private final Tenants tenants;
    private final Clinics clinics;
    private final Doctors doctors;
    private final UserAccounts accounts;
    private final BookableDoctors bookable;
    private final CommandDispatcher commands;
    private final EventStore eventStore;
    private final String password;
    private final Clock clock = Clock.systemUTC();

    DemoData(Availabilities availabilities, Tenants tenants, Clinics clinics, Doctors doctors, UserAccounts accounts,
             BookableDoctors bookable, CommandDispatcher commands, EventStore eventStore,
             @Value("${illajwala.demo-data.password:illajwala-demo}") String password) {
        this.availabilities = availabilities;
        this.tenants = tenants;
        this.clinics = clinics;
        this.doctors = doctors;
        this.accounts = accounts;
        this.bookable = bookable;
        this.commands = commands;
        this.eventStore = eventStore;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        Instant now = clock.instant();
        Flux.concat(
                        existing(accounts.open(account(null, Caller.PLATFORM_TENANT, Role.ADMIN, "Platform Admin", "admin@illajwala.test", null))),
                        existing(accounts.open(account("patient-asha", Caller.PLATFORM_TENANT, Role.PATIENT, "Asha Rao", "asha@example.test", "+919800000001"))),
                        existing(accounts.open(account("patient-ben", Caller.PLATFORM_TENANT, Role.PATIENT, "Ben Carter", "ben@example.test", "+447700900001"))),
                        Flux.fromIterable(List.of(APOLLO, SUNRISE)).concatMap(tenant -> Flux.concat(
                                existing(tenants.register(new TenantDocument(tenant.slug(), tenant.name(), now),
                                        account(null, tenant.slug(), Role.ADMIN, tenant.name() + " Admin", tenant.adminEmail(), null))),
                                existing(clinics.register(clinic(tenant, now))),
                                existing(accounts.open(new NewAccount(null, tenant.slug(), Role.STAFF, tenant.name() + " Front Desk",
                                        tenant.staffEmail(), null, password, tenant.clinicId()))))),
                        Flux.fromIterable(DOCTORS).concatMap(doctor -> Flux.concat(
                                existing(doctors.onboard(profile(doctor, now), new Credentials(doctor.email(), password))),
                                doctors.decide(doctor.doctorId(), true, "Demo doctor"))))
                .then()
                .block(Duration.ofMinutes(2));
        // booking-core learns of verifications from the event store a moment later
        Flux.interval(Duration.ofMillis(100))
                .filter(tick -> DOCTORS.stream().allMatch(doctor -> bookable.isBookable(doctor.doctorId())))
                .next()
                .block(Duration.ofMinutes(1));

        List<AvailabilityResult> set = Flux.fromIterable(DOCTORS)
                .concatMap(doctor -> availabilities.set(doctor.tenant().slug(), doctor.doctorId(),
                        doctor.tenant().clinicId(), rulesOf(doctor)))
                .collectList()
                .block(Duration.ofMinutes(2));
        log.info("Demo data: availability of {} doctors set, {} slots over the next {} days", DOCTORS.size(),
                set.stream().mapToInt(AvailabilityResult::slots).sum(), HORIZON_DAYS);

        List<DemoBooking> unmade = BOOKINGS.stream()
                .filter(booking -> eventStore.lastSequenceNumberFor(booking.appointmentId()).isEmpty())
                .toList();
        Flux.fromIterable(unmade)
                .concatMap(booking -> commands.send(new BookAppointment(slotOf(booking, now), booking.appointmentId(),
                                booking.patientId(), ConsultationMode.CLINIC, null))
                        // data from before demo bookings existed may have that seat taken: the demo goes on without it
                        .onErrorResume(SlotRejection.class, refused -> {
                            log.warn("Demo data: {} not booked: {}", booking.appointmentId(), refused.getMessage());
                            return Mono.empty();
                        }))
                .then()
                .block(Duration.ofMinutes(1));
        log.info("Demo data: {} demo appointments booked", unmade.size());
    }

    /** The slot of the booking's doctor at its time, its number of working days (Monday to Saturday) after today. */
    private static String slotOf(DemoBooking booking, Instant now) {
        ZoneId zone = ZoneId.of(booking.doctor().tenant().timezone());
        LocalDate day = LocalDate.ofInstant(now, zone);
        for (int ahead = 0; ahead < booking.workingDaysAhead(); ) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                ahead++;
            }
        }
        return SlotCommands.slotId(booking.doctor().doctorId(), booking.doctor().tenant().clinicId(),
                day.atTime(booking.at()).atZone(zone).toInstant());
    }

    /** Demo records made at an earlier start answer 409; they are what this start would have made. */
    private static <T> Mono<T> existing(Mono<T> creation) {
        return creation.onErrorResume(e -> e instanceof ApiException api && api.status() == HttpStatus.CONFLICT,
                e -> Mono.empty());
    }

    private NewAccount account(String id, String tenantId, Role role, String name, String email, String phone) {
        return new NewAccount(id, tenantId, role, name, email, phone, password, null);
    }

    private static ClinicDocument clinic(DemoTenant tenant, Instant now) {
        return new ClinicDocument(tenant.clinicId(), tenant.slug(), tenant.clinicName(), tenant.clinicId(),
                tenant.timezone(), tenant.country().equals("IN")
                        ? new Address("1 Main Road", null, tenant.city(), "Karnataka", "560034", tenant.country())
                        : new Address("1 Main Road", null, tenant.city(), "England", "NW1 8QL", tenant.country()),
                new Contact(tenant.country().equals("IN") ? "+918000000000" : "+442000000000", "hello@" + tenant.slug() + ".test"),
                CapacitySettings.defaults(), WaitlistPolicy.defaults(), BookingPolicy.defaults(), now);
    }

    private static DoctorProfileDocument profile(DemoDoctor doctor, Instant now) {
        return new DoctorProfileDocument(doctor.doctorId(), doctor.tenant().slug(), doctor.name(), doctor.specialization(),
                List.of("MBBS"), "REG-" + doctor.doctorId().toUpperCase(), List.of("en"),
                BigDecimal.valueOf(doctor.tenant().currency().equals("INR") ? 800 : 60), doctor.tenant().currency(), MODES,
                List.of(doctor.tenant().clinicId()), DoctorProfileDocument.PENDING, "awaiting_review", null, now);
    }

    static AvailabilityRules rulesOf(DemoDoctor doctor) {
        List<Session> sessions = SESSIONS.stream()
                .map(hours -> new Session(hours[0], hours[1], List.of(), SLOT_LENGTH, Duration.ZERO, doctor.capacity(), MODES))
                .toList();
        Map<DayOfWeek, List<Session>> weekly = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day != DayOfWeek.SUNDAY) {
                weekly.put(day, sessions);
            }
        }
        return new AvailabilityRules(doctor.tenant().timezone(), weekly, Set.of(), Map.of(), MINIMUM_NOTICE,
                Duration.ofDays(HORIZON_DAYS));
    }
}
