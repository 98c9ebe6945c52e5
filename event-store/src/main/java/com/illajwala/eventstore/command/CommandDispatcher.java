package com.illajwala.eventstore.command;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Sends commands from reactive code. Axon's command bus runs the handler, with its blocking JDBC,
 * on the calling thread, so commands run on a scheduler of their own, never on a Netty event loop.
 * A {@link ConcurrencyException} (another instance appended to the same aggregate first) is
 * retried: the retry reloads the aggregate and decides again, e.g. that the slot is now full.
 */
@Component
public class CommandDispatcher implements AutoCloseable {

    private final CommandGateway commandGateway;
    private final Scheduler scheduler;

    public CommandDispatcher(CommandGateway commandGateway,
                             @Value("${illajwala.booking.command-threads:32}") int threads) {
        this.commandGateway = commandGateway;
        this.scheduler = Schedulers.newBoundedElastic(threads, 100_000, "command");
    }

    /**
     * The command runs to its end whatever happens to the subscriber: a client that disconnects
     * cancels the answer, never the command's thread (interrupted mid-commit, a command would fail
     * half way, and Axon's clean-up would warn about it for a minute).
     */
    public <R> Mono<R> send(Object command) {
        return Mono.deferContextual(context -> {
                    Optional<AppendedSequences> collecting = AppendedSequences.in(context);
                    Supplier<R> sending = () -> commandGateway.sendAndWait(command);
                    return Mono.fromFuture(() -> CompletableFuture.supplyAsync(
                            () -> collecting.map(sequences -> sequences.during(sending)).orElseGet(sending), scheduler::schedule), true);
                })
                .onErrorMap(CompletionException.class, Throwable::getCause)
                .retryWhen(Retry.backoff(5, Duration.ofMillis(5)).filter(ConcurrencyException.class::isInstance)
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
    }

    /**
     * Runs blocking work that belongs with a command, such as reading what it stored, on the command
     * threads: never on an event loop, and never queued behind unrelated work on the shared pools.
     */
    public <T> Mono<T> blocking(java.util.concurrent.Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(scheduler);
    }

    @Override
    public void close() {
        scheduler.dispose();
    }
}
