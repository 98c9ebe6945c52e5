package com.illajwala.notifications.delivery;

import com.illajwala.events.notification.NotificationChannel;
import com.illajwala.identity.contact.Contacts;
import com.illajwala.identity.contact.Contacts.PatientContact;
import com.illajwala.notifications.NotificationSettings;
import com.illajwala.notifications.channel.ChannelSenders;
import com.illajwala.notifications.channel.ProviderRejection;
import com.illajwala.notifications.channel.ResilientSender;
import com.illajwala.notifications.delivery.Notification.Status;
import com.illajwala.notifications.template.MessageComposer;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Sends due notifications, on every instance: claims a batch, decides or sends each (a bounded number
 * at once), and records the outcome — or, when the provider failed, the next attempt's time, backing
 * off up to a few minutes. A message is never dropped for a provider's outage: it waits, and it is
 * recorded as failed only when it is refused or has kept failing for {@code retry.give-up-after}.
 */
public final class DeliveryWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    /** A send the bulkhead or the rate limiter held back was not attempted: it goes again shortly. */
    private static final Duration HELD_BACK = Duration.ofSeconds(1);

    private final Deliveries deliveries;
    private final DailyCaps caps;
    private final Contacts contacts;
    private final MessageComposer composer;
    private final ChannelSenders senders;
    private final DeliveryPolicy policy;
    private final NotificationSettings settings;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Scheduler database;
    private final OutcomeRecorder outcomes;
    private static final Duration LONGEST_WAIT_FOR_SENDS_UNDER_WAY = Duration.ofSeconds(15);

    private volatile Disposable polling;
    private volatile Sinks.Empty<Void> stopRequested;
    private volatile boolean stopping;
    private volatile CountDownLatch finished;

    public DeliveryWorker(Deliveries deliveries, DailyCaps caps, Contacts contacts, MessageComposer composer,
                          ChannelSenders senders, DeliveryPolicy policy, NotificationSettings settings,
                          MeterRegistry meters, Clock clock, TransactionTemplate transactions, Scheduler database) {
        this.deliveries = deliveries;
        this.caps = caps;
        this.contacts = contacts;
        this.composer = composer;
        this.senders = senders;
        this.policy = policy;
        this.settings = settings;
        this.meters = meters;
        this.clock = clock;
        this.database = database;
        this.outcomes = new OutcomeRecorder(deliveries, transactions, database);
        for (NotificationChannel channel : NotificationChannel.values()) { // at 0 from the start, as counters should be
            meters.counter("illajwala.notifications.attempts.failed", "channel", channel.code());
        }
    }

    /**
     * Rounds until one finds less than a full batch due: a backlog (a burst of bookings) is worked off
     * at once rather than one batch per poll.
     *
     * @return the rows dealt with
     */
    Mono<Integer> sendAllDue() {
        return sendDue()
                .expand(claimed -> claimed == settings.batchSize() && !stopping ? sendDue() : Mono.empty())
                .reduce(0, Integer::sum);
    }

    /** One round: claims what is due and works through it; completes when every claimed row has been dealt with. */
    private Mono<Integer> sendDue() {
        Instant now = clock.instant();
        return onDatabase(() -> deliveries.claimDue(settings.batchSize(), now, now.plus(settings.lease())))
                .flatMap(due -> Flux.fromIterable(due)
                        .flatMap(this::deliver, settings.concurrency())
                        .then(Mono.just(due.size())));
    }

    private Mono<Void> deliver(Notification notification) {
        return contacts.patient(notification.patientId()).map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(contact -> deliver(notification, contact.orElse(null)))
                .onErrorResume(failure -> afterFailure(notification, failure, false));
    }

    private Mono<Void> deliver(Notification notification, PatientContact contact) {
        Instant now = clock.instant();
        if (policy.isMoot(notification, now)) {
            return notification.attempts() == 0 ? decide(notification, Status.SKIPPED, "moot", null, null)
                    : decide(notification, Status.FAILED, "gave_up", null, null);
        }
        if (contact == null) {
            return decide(notification, Status.SKIPPED, "no_contact", null, null);
        }
        if (!contact.channels().contains(notification.channel().code())) {
            return decide(notification, Status.SKIPPED, "opted_out", null, null);
        }
        String address = notification.channel() == NotificationChannel.EMAIL ? contact.email() : contact.phone();
        if (address == null || address.isBlank()) {
            return decide(notification, Status.SKIPPED, "no_contact", null, null);
        }
        boolean capped = notification.channel() != NotificationChannel.EMAIL;
        Mono<Boolean> placeUnderCap = capped
                ? onDatabase(() -> caps.take(notification.patientId(), notification.channel(), cap(notification.channel()), now))
                : Mono.just(true);
        return placeUnderCap.flatMap(place -> !place ? decide(notification, Status.CAPPED, "daily_cap", null, null)
                : composer.compose(notification, contact, address)
                .flatMap(message -> senders.of(notification.channel()).send(message))
                .flatMap(reference -> decide(notification, Status.SENT, null, reference, null))
                .onErrorResume(failure -> (capped ? onDatabase(() -> {
                    caps.giveBack(notification.patientId(), notification.channel(), now);
                    return true;
                }) : Mono.just(true)).then(afterFailure(notification, failure, true))));
    }

    private Mono<Void> afterFailure(Notification notification, Throwable failure, boolean attempted) {
        Instant now = clock.instant();
        if (failure instanceof ProviderRejection) {
            return decide(notification, Status.FAILED, "rejected", null, failure.getMessage());
        }
        if (ResilientSender.refusedBeforeTheProvider(failure) && !(failure instanceof CallNotPermittedException)) {
            return onDatabase(() -> {
                deliveries.retryLater(notification.notificationId(), notification.attempts(), now.plus(HELD_BACK),
                        failure.toString());
                return true;
            }).then();
        }
        if (policy.hasGivenUp(notification, now)) {
            return decide(notification, Status.FAILED, "gave_up", null, failure.toString());
        }
        int attempts = notification.attempts() + 1;
        Instant next = now.plus(policy.backoff(attempts));
        if (attempted) {
            log.warn("{} notification {} failed (attempt {}), next at {}: {}", notification.channel().code(),
                    notification.notificationId(), attempts, next, failure.toString());
        } else {
            log.warn("Notification {} could not be prepared, next at {}: {}", notification.notificationId(), next,
                    failure.toString());
        }
        meters.counter("illajwala.notifications.attempts.failed", "channel", notification.channel().code()).increment();
        return onDatabase(() -> {
            deliveries.retryLater(notification.notificationId(), attempts, next, failure.toString());
            return true;
        }).then();
    }

    private Mono<Void> decide(Notification notification, Status status, String reason, String reference, String error) {
        return outcomes.record(new OutcomeRecorder.Outcome(notification.notificationId(), status, reason, reference, error,
                        clock.instant()))
                .doOnNext(decided -> {
                    if (decided) {
                        meters.counter("illajwala.notifications", "channel", notification.channel().code(),
                                "kind", notification.kind().code(), "outcome", status.code()).increment();
                    }
                })
                .then();
    }

    private int cap(NotificationChannel channel) {
        return channel == NotificationChannel.SMS ? settings.dailyCap().sms() : settings.dailyCap().whatsapp();
    }

    private <T> Mono<T> onDatabase(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(database);
    }

    @Override
    public void start() {
        Sinks.Empty<Void> stop = Sinks.empty();
        CountDownLatch done = new CountDownLatch(1);
        stopRequested = stop;
        stopping = false;
        finished = done;
        polling = Flux.interval(settings.pollInterval())
                .onBackpressureDrop()
                .takeUntilOther(stop.asMono())
                .concatMap(tick -> sendAllDue().onErrorResume(failure -> {
                    log.warn("Sending notifications failed; trying again: {}", failure.toString());
                    return Mono.empty();
                }), 1)
                .doFinally(signal -> done.countDown())
                .subscribe();
    }

    /**
     * Claims no more, and lets the sends under way finish and be recorded: cut off between the
     * provider's answer and the record, a message would be sent again once its lease ran out.
     */
    @Override
    public void stop() {
        Disposable current = polling;
        if (current == null) {
            return;
        }
        stopping = true;
        stopRequested.tryEmitEmpty();
        try {
            if (!finished.await(LONGEST_WAIT_FOR_SENDS_UNDER_WAY.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Notification sends still under way after {}; they will be retried after their lease",
                        LONGEST_WAIT_FOR_SENDS_UNDER_WAY);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        current.dispose();
        polling = null;
    }

    @Override
    public boolean isRunning() {
        return polling != null;
    }
}
