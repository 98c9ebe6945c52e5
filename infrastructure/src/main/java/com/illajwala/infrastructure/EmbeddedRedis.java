package com.illajwala.infrastructure;

import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The redis-server binary shipped by embedded-redis, as a child process; it keeps nothing on disk. */
public final class EmbeddedRedis implements AutoCloseable {

    private final RedisServer server;
    private final int port;

    private EmbeddedRedis(int port) throws IOException {
        this.port = port;
        this.server = RedisServer.newRedisServer()
                .port(port)
                .bind("127.0.0.1")
                .setting("save \"\"")
                .setting("appendonly no")
                .build();
        server.start();
    }

    public static EmbeddedRedis start() {
        try {
            return new EmbeddedRedis(FreePorts.find());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start embedded redis-server", e);
        }
    }

    public int port() {
        return port;
    }

    /** Stops the server, keeping its port for {@link #restart()}: an outage, for fault tests. */
    public void stop() {
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stop embedded redis-server", e);
        }
    }

    /** Starts it again on the same port, empty as a restarted Redis without persistence is. */
    public void restart() {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start embedded redis-server", e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
