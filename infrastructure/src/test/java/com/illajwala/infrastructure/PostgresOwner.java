package com.illajwala.infrastructure;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** A JVM that starts an embedded PostgreSQL over the data directory it is given, says so, and waits to be killed. */
final class PostgresOwner {

    private PostgresOwner() {
    }

    public static void main(String[] arguments) throws InterruptedException {
        EmbeddedPostgresServer.start(Path.of(arguments[0]));
        System.out.println("started");
        new CountDownLatch(1).await();
    }
}
