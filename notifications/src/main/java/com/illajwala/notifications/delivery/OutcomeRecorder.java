package com.illajwala.notifications.delivery;

import com.illajwala.notifications.delivery.Notification.Status;
import org.springframework.transaction.support.TransactionTemplate;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Records the final outcomes of deliveries by group commit: while one transaction writes outcomes,
 * the outcomes decided meanwhile wait and go together in the next. Under load a durable commit
 * serves many messages instead of one each; alone, an outcome is written at once. Each outcome is
 * still recorded before its send is counted as done, so stopping or crashing leaves no more sends
 * unrecorded than before.
 */
final class OutcomeRecorder {

    private static final int LARGEST_GROUP = 200;

    record Outcome(String notificationId, Status status, String reason, String providerReference, String error,
                   Instant decidedAt) {
    }

    private record Pending(Outcome outcome, Sinks.One<Boolean> recorded) {
    }

    private final Deliveries deliveries;
    private final TransactionTemplate transactions;
    private final Scheduler database;
    private final Queue<Pending> waiting = new ConcurrentLinkedQueue<>();
    /** Outcomes added and not yet written: the one that makes it leave zero starts the writing. */
    private final AtomicInteger unwritten = new AtomicInteger();

    OutcomeRecorder(Deliveries deliveries, TransactionTemplate transactions, Scheduler database) {
        this.deliveries = deliveries;
        this.transactions = transactions;
        this.database = database;
    }

    /** @return whether this outcome decided the row (false: it was decided already) */
    Mono<Boolean> record(Outcome outcome) {
        return Mono.defer(() -> {
            Pending pending = new Pending(outcome, Sinks.one());
            waiting.add(pending);
            if (unwritten.getAndIncrement() == 0) {
                try {
                    database.schedule(this::writeWhileWaiting);
                } catch (RejectedExecutionException stopping) {
                    failWaiting(stopping);
                }
            }
            return pending.recorded().asMono();
        });
    }

    private void writeWhileWaiting() {
        int written;
        do {
            List<Pending> group = new ArrayList<>();
            for (Pending next; group.size() < LARGEST_GROUP && (next = waiting.poll()) != null; ) {
                group.add(next);
            }
            write(group);
            written = group.size();
        } while (unwritten.addAndGet(-written) > 0);
    }

    /** The database threads are gone (the instance is stopping): what waits is not recorded, and its sends go again after their lease. */
    private void failWaiting(RuntimeException cause) {
        int failed;
        do {
            failed = 0;
            for (Pending next; (next = waiting.poll()) != null; failed++) {
                next.recorded().tryEmitError(cause);
            }
        } while (unwritten.addAndGet(-failed) > 0);
    }

    private void write(List<Pending> group) {
        boolean[] decided;
        try {
            decided = transactions.execute(status -> deliveries.decideAll(group.stream().map(Pending::outcome).toList()));
        } catch (RuntimeException failure) {
            group.forEach(pending -> pending.recorded().tryEmitError(failure));
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            group.get(i).recorded().tryEmitValue(decided[i]);
        }
    }
}
