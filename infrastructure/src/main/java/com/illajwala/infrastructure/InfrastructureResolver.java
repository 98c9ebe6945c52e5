package com.illajwala.infrastructure;

import com.illajwala.infrastructure.InfrastructureReport.Entry;
import com.illajwala.infrastructure.InfrastructureReport.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves each dependency once, in one order: explicitly given → Testcontainers (when on the
 * classpath and Docker answers) → embedded; Redis also tries a local server before Testcontainers.
 * Owns everything it started and stops it, newest first, on {@link #close()}.
 */
public final class InfrastructureResolver implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(InfrastructureResolver.class);
    private static final Pattern JDBC_DATABASE = Pattern.compile("^(jdbc:postgresql://[^/?]+/)([^?]*)(\\?.*)?$");
    private static final Pattern MONGO_DATABASE = Pattern.compile("^(mongodb(?:\\+srv)?://[^/?]+)(/[^?]*)?(\\?.*)?$");

    private final InfrastructureSettings settings;
    private final InfrastructureReport report = new InfrastructureReport();
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private PostgresAddress postgres;
    private String kafka;
    private String mongo;
    private HostAndPort redis;
    private EmbeddedKafkaBroker embeddedKafka;
    private EmbeddedMongo embeddedMongo;

    public InfrastructureResolver(InfrastructureSettings settings) {
        this.settings = settings;
    }

    /** A PostgreSQL database to connect to. */
    public record PostgresAddress(String jdbcUrl, String user, String password) {
    }

    /** A host and port. */
    public record HostAndPort(String host, int port) {
        static HostAndPort parse(String value) {
            int colon = value.lastIndexOf(':');
            return new HostAndPort(value.substring(0, colon), Integer.parseInt(value.substring(colon + 1)));
        }
    }

    public synchronized PostgresAddress postgres() {
        if (postgres == null) {
            if (settings.postgresUrl().isPresent()) {
                PostgresAddress given = new PostgresAddress(settings.postgresUrl().get(),
                        settings.postgresUser().orElse(null), settings.postgresPassword().orElse(null));
                postgres = settings.isolate() ? isolatedDatabase(given) : given;
                record("postgres", Source.EXPLICIT, postgres.jdbcUrl());
            } else if (containersAvailable()) {
                Containers.Started container = own(Containers.postgres());
                postgres = new PostgresAddress(container.address(), container.user(), container.password());
                record("postgres", Source.TESTCONTAINERS, postgres.jdbcUrl());
            } else {
                EmbeddedPostgresServer server = own(EmbeddedPostgresServer.start(settings.dataDir("postgres").orElse(null)));
                postgres = new PostgresAddress(server.jdbcUrl(), null, null);
                record("postgres", Source.EMBEDDED, postgres.jdbcUrl());
            }
        }
        return postgres;
    }

    public synchronized String kafkaBootstrapServers() {
        if (kafka == null) {
            if (settings.kafkaBootstrapServers().isPresent()) {
                kafka = settings.kafkaBootstrapServers().get();
                record("kafka", Source.EXPLICIT, kafka);
            } else if (containersAvailable()) {
                kafka = own(Containers.kafka()).address();
                record("kafka", Source.TESTCONTAINERS, kafka);
            } else {
                // a run that keeps its data (./run) is a local platform: there, others may want to subscribe
                embeddedKafka = own(settings.dataDir("kafka")
                        .map(EmbeddedKafkaBroker::startOnUsualPort)
                        .orElseGet(() -> EmbeddedKafkaBroker.start(null)));
                kafka = embeddedKafka.bootstrapServers();
                record("kafka", Source.EMBEDDED, kafka);
            }
        }
        return kafka;
    }

    /** A MongoDB connection string that names the database. */
    public synchronized String mongoConnectionString() {
        if (mongo == null) {
            if (settings.mongodbUri().isPresent()) {
                String given = settings.mongodbUri().get();
                mongo = settings.isolate() ? withMongoDatabase(given, uniqueName()) : given;
                record("mongo", Source.EXPLICIT, mongo);
            } else if (containersAvailable()) {
                mongo = own(Containers.mongo()).address();
                record("mongo", Source.TESTCONTAINERS, mongo);
            } else {
                embeddedMongo = own(EmbeddedMongo.start(settings.dataDir("mongo").orElse(null)));
                mongo = embeddedMongo.connectionString("illajwala");
                record("mongo", Source.EMBEDDED, mongo);
            }
        }
        return mongo;
    }

    public synchronized HostAndPort redis() {
        if (redis == null) {
            HostAndPort local = HostAndPort.parse(settings.localRedisProbe());
            if (settings.redisUrl().isPresent()) {
                URI uri = URI.create(settings.redisUrl().get());
                redis = new HostAndPort(uri.getHost(), uri.getPort() == -1 ? 6379 : uri.getPort());
                record("redis", Source.EXPLICIT, redis.host() + ":" + redis.port());
            } else if (answersPing(local)) {
                redis = local;
                record("redis", Source.LOCAL, redis.host() + ":" + redis.port());
            } else if (containersAvailable()) {
                redis = HostAndPort.parse(own(Containers.redis()).address());
                record("redis", Source.TESTCONTAINERS, redis.host() + ":" + redis.port());
            } else {
                redis = new HostAndPort("127.0.0.1", own(EmbeddedRedis.start()).port());
                record("redis", Source.EMBEDDED, redis.host() + ":" + redis.port());
            }
        }
        return redis;
    }

    public InfrastructureReport report() {
        return report;
    }

    /** The in-process Kafka broker, when Kafka resolved to it; tests stop and start it. */
    public synchronized EmbeddedKafkaBroker embeddedKafka() {
        kafkaBootstrapServers();
        if (embeddedKafka == null) {
            throw new IllegalStateException("Kafka is not embedded here: " + kafka);
        }
        return embeddedKafka;
    }

    /** The in-process MongoDB server, when MongoDB resolved to it; tests stop and start it. */
    public synchronized EmbeddedMongo embeddedMongo() {
        mongoConnectionString();
        if (embeddedMongo == null) {
            throw new IllegalStateException("MongoDB is not embedded here: " + mongo);
        }
        return embeddedMongo;
    }

    @Override
    public synchronized void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                log.warn("Could not stop {}", e.getMessage());
            }
        }
    }

    private boolean containersAvailable() {
        if (!settings.testcontainers()) {
            return false;
        }
        try {
            Class.forName("org.testcontainers.DockerClientFactory", false, getClass().getClassLoader());
        } catch (ClassNotFoundException e) {
            return false;
        }
        return Containers.dockerAnswers();
    }

    private <T extends AutoCloseable> T own(T resource) {
        started.push(resource);
        return resource;
    }

    private Containers.Started own(Containers.Started container) {
        started.push(container.container());
        return container;
    }

    private void record(String dependency, Source source, String address) {
        Entry entry = new Entry(dependency, source, address);
        report.add(entry);
        log.info("Infrastructure {}", entry);
    }

    /** Creates a fresh database on the given server and drops it again on close. */
    private PostgresAddress isolatedDatabase(PostgresAddress server) {
        Matcher matcher = JDBC_DATABASE.matcher(server.jdbcUrl());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL with a database: " + server.jdbcUrl());
        }
        String database = uniqueName();
        execute(server, "CREATE DATABASE " + database);
        started.push(() -> execute(server, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)"));
        String query = matcher.group(3) == null ? "" : matcher.group(3);
        return new PostgresAddress(matcher.group(1) + database + query, server.user(), server.password());
    }

    private static void execute(PostgresAddress server, String sql) {
        Properties credentials = new Properties();
        if (server.user() != null) {
            credentials.setProperty("user", server.user());
        }
        if (server.password() != null) {
            credentials.setProperty("password", server.password());
        }
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), credentials);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot run '" + sql + "' on " + server.jdbcUrl(), e);
        }
    }

    static String withMongoDatabase(String uri, String database) {
        Matcher matcher = MONGO_DATABASE.matcher(uri);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Not a MongoDB connection string: " + uri);
        }
        return matcher.group(1) + "/" + database + (matcher.group(3) == null ? "" : matcher.group(3));
    }

    private static String uniqueName() {
        byte[] random = new byte[6];
        ThreadLocalRandom.current().nextBytes(random);
        return "illajwala_" + HexFormat.of().formatHex(random);
    }

    private static boolean answersPing(HostAndPort address) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address.host(), address.port()), 500);
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = in.readNBytes(7);
            return new String(reply, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }
}
