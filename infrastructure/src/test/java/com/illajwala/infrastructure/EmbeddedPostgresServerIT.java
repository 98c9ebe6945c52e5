package com.illajwala.infrastructure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

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
}
