package com.illajwala.infrastructure;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * PostgreSQL from zonky's binaries, as a child process. With a data directory its cluster is kept
 * there and reused by the next start, and commits are durable (zonky's test defaults, fsync and
 * synchronous commit off, are for the throwaway clusters); without one it lives in a temporary
 * directory.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    /** zonky's lock on a data directory, held by the JVM that runs its server. */
    private static final String OWNER_LOCK = "epg-lock";
    private static final Duration ORPHAN_STOP = Duration.ofSeconds(30);

    private final EmbeddedPostgres postgres;
    private final Process watchdog;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        this.watchdog = stopWhenThisJvmDies(postmasterPid(postgres));
    }

    public static EmbeddedPostgresServer start(Path dataDir) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (dataDir != null) {
                stopOrphan(Files.createDirectories(dataDir));
                builder.setDataDirectory(dataDir).setCleanDataDirectory(false)
                        // stopped by its owner's close, after the platform: zonky's hook stopped it while the platform was still recording
                        .setRegisterShutdownHook(false)
                        .setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on");
            }
            return new EmbeddedPostgresServer(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
        }
    }

    private static long postmasterPid(EmbeddedPostgres postgres) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             ResultSet dataDirectory = connection.createStatement().executeQuery("SHOW data_directory")) {
            dataDirectory.next();
            return Long.parseLong(Files.readAllLines(Path.of(dataDirectory.getString(1), "postmaster.pid")).get(0).strip());
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Cannot find the embedded PostgreSQL's process", e);
        }
    }

    /**
     * A shell loop outside this JVM that, when the JVM is gone without stopping the server (kill -9,
     * the OOM killer), asks the server for a fast shutdown within a second. Left running, the server
     * held its port, memory and data directory until the next start found it.
     */
    private static Process stopWhenThisJvmDies(long postmaster) {
        String script = "while kill -0 " + ProcessHandle.current().pid() + " 2>/dev/null; do sleep 1; done; "
                + "case \"$(ps -o comm= -p " + postmaster + " 2>/dev/null)\" in *postgres*) kill -INT " + postmaster + ";; esac";
        try {
            return new ProcessBuilder("sh", "-c", script)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot watch over the embedded PostgreSQL", e);
        }
    }

    /**
     * A JVM that was killed (SIGKILL, the OOM killer) leaves its PostgreSQL running over the data
     * directory, and no new server can start there. When no live JVM holds the directory's lock, the
     * server in its {@code postmaster.pid} is such an orphan: it is asked to stop (SIGTERM, a smart
     * shutdown: its clients died with their JVM), and killed if it does not.
     */
    static void stopOrphan(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(dataDir.resolve(OWNER_LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock owner = channel.tryLock()) {
            if (owner == null) {
                return; // a live JVM runs this server: zonky refuses the start with its own message
            }
            Optional<ProcessHandle> orphan = Files.readAllLines(pidFile).stream().findFirst()
                    .map(String::strip).filter(line -> line.matches("\\d+"))
                    .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
                    .filter(process -> process.info().command().map(command -> command.endsWith("postgres")).orElse(false));
            if (orphan.isEmpty()) {
                return; // a stale pid file: PostgreSQL itself starts over it
            }
            ProcessHandle process = orphan.get();
            log.warn("Stopping PostgreSQL {} left running over {} by a platform that did not stop", process.pid(), dataDir);
            process.destroy();
            try {
                process.onExit().get(ORPHAN_STOP.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception notStopped) {
                process.destroyForcibly();
                process.onExit().join();
            }
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void close() {
        watchdog.destroy();
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stop embedded PostgreSQL", e);
        }
    }
}
