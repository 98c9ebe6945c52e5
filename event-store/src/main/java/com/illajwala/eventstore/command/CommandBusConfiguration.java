package com.illajwala.eventstore.command;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import reactor.core.scheduler.Schedulers;

/** Guards the command bus against blocking a Netty event loop, the one mistake that stalls every request. */
@Configuration(proxyBeanMethods = false)
public class CommandBusConfiguration {

    /** Refuses a command handled on a non-blocking thread; {@link CommandDispatcher} never does that. */
    public static final MessageHandlerInterceptor<CommandMessage<?>> REFUSE_NON_BLOCKING_THREADS = (unitOfWork, chain) -> {
        if (Schedulers.isInNonBlockingThread()) {
            throw new IllegalStateException("Command " + unitOfWork.getMessage().getCommandName()
                    + " handled on non-blocking thread " + Thread.currentThread().getName());
        }
        return chain.proceed();
    };

    @Autowired
    void guard(CommandBus commandBus) {
        commandBus.registerHandlerInterceptor(REFUSE_NON_BLOCKING_THREADS);
    }

    @Autowired
    void noteAppendedSequences(EventStore eventStore) {
        eventStore.registerDispatchInterceptor(AppendedSequences.noting());
    }
}
