package com.illajwala.infrastructure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class EmbeddedPostgresServerIT {

    @TempDir
    Path dataDir;

    @Test
    void aRestartOverTheSameDataDirectoryKeepsTheData() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir);
             Connection connection = DriverManager.getConnection(server.jdbcUrl());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE kept (value text)");
            statement.execute("INSERT INTO kept VALUES ('committed')");
        }
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir);
             Connection connection = DriverManager.getConnection(server.jdbcUrl());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT value FROM kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("committed");
        }
    }

    @Test
    void theServerOfAJvmKilledOutrightStopsWithinSeconds() throws Exception {
        Process owner = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), PostgresOwner.class.getName(), dataDir.toString())
                .redirectErrorStream(true).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture.supplyAsync(() -> output.lines().anyMatch("started"::equals)).get(90, TimeUnit.SECONDS);
        ProcessHandle postmaster = ProcessHandle.of(Long.parseLong(
                Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip())).orElseThrow();

        owner.destroyForcibly(); // SIGKILL: nothing in that JVM runs again
        owner.waitFor();

        await().atMost(Duration.ofSeconds(15)).until(() -> !postmaster.isAlive());
    }
}
