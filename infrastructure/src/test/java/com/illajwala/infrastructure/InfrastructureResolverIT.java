package com.illajwala.infrastructure;

import com.illajwala.infrastructure.InfrastructureReport.Source;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs against the machine's PostgreSQL and Redis where CI provides them (ILLAJWALA_POSTGRES_URL). */
class InfrastructureResolverIT {

    private static final String SERVER = System.getenv().getOrDefault("ILLAJWALA_POSTGRES_URL",
            "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");

    @Test
    void isolationGivesEachResolverItsOwnDatabaseAndDropsItOnClose() throws Exception {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("illajwala.infrastructure.postgres-url", SERVER)
                .withProperty("illajwala.infrastructure.isolate", "true");
        String first;
        String second;
        try (InfrastructureResolver one = new InfrastructureResolver(InfrastructureSettings.from(environment));
             InfrastructureResolver two = new InfrastructureResolver(InfrastructureSettings.from(environment))) {
            first = one.postgres().jdbcUrl();
            second = two.postgres().jdbcUrl();
            assertThat(first).isNotEqualTo(second).contains("/illajwala_").contains("user=postgres");
            assertThat(one.report().sourceOf("postgres")).isEqualTo(Source.EXPLICIT);
            try (Connection connection = DriverManager.getConnection(first)) {
                assertThat(connection.isValid(2)).isTrue();
            }
        }
        assertThat(databases()).doesNotContain(databaseOf(first), databaseOf(second));
    }

    @Test
    void anExplicitBlankPropertyOutranksTheEnvironmentVariable() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("ILLAJWALA_KAFKA_BOOTSTRAP_SERVERS", "kafka.example:9092")
                .withProperty("ILLAJWALA_MONGODB_URI", "mongodb://mongo.example/db")
                .withProperty("illajwala.infrastructure.mongodb-uri", " ");

        InfrastructureSettings settings = InfrastructureSettings.from(environment);

        assertThat(settings.kafkaBootstrapServers()).contains("kafka.example:9092");
        assertThat(settings.mongodbUri()).isEmpty();
        assertThat(settings.dataDir()).isEmpty();
    }

    @Test
    void isolationRenamesTheMongoDatabaseAndKeepsTheOptions() {
        assertThat(InfrastructureResolver.withMongoDatabase("mongodb://a:1,b:2/app?replicaSet=rs0", "x"))
                .isEqualTo("mongodb://a:1,b:2/x?replicaSet=rs0");
        assertThat(InfrastructureResolver.withMongoDatabase("mongodb://a:1", "x")).isEqualTo("mongodb://a:1/x");
    }

    @Test
    void aLocalRedisThatAnswersIsUsed() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("illajwala.infrastructure.testcontainers", "false");
        try (InfrastructureResolver resolver = new InfrastructureResolver(InfrastructureSettings.from(environment))) {
            InfrastructureResolver.HostAndPort redis = resolver.redis();
            assertThat(resolver.report().sourceOf("redis")).isEqualTo(Source.LOCAL);
            assertThat(ping(redis)).isEqualTo("+PONG");
        }
    }

    @Test
    void withoutALocalRedisTheEmbeddedServerStarts() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("illajwala.infrastructure.local-redis-probe", "127.0.0.1:" + FreePorts.find())
                .withProperty("illajwala.infrastructure.testcontainers", "false");
        try (InfrastructureResolver resolver = new InfrastructureResolver(InfrastructureSettings.from(environment))) {
            InfrastructureResolver.HostAndPort redis = resolver.redis();
            assertThat(resolver.report().sourceOf("redis")).isEqualTo(Source.EMBEDDED);
            assertThat(ping(redis)).isEqualTo("+PONG");
        }
    }

    private static String ping(InfrastructureResolver.HostAndPort address) {
        try (Socket socket = new Socket(address.host(), address.port())) {
            socket.setSoTimeout(2_000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            return new String(in.readNBytes(5), StandardCharsets.US_ASCII);
        } catch (Exception e) {
            return e.toString();
        }
    }

    private static String databaseOf(String jdbcUrl) {
        String path = jdbcUrl.substring(jdbcUrl.indexOf("/illajwala_") + 1);
        return path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    }

    private static List<String> databases() throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(SERVER);
             ResultSet rows = connection.createStatement().executeQuery("SELECT datname FROM pg_database")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
