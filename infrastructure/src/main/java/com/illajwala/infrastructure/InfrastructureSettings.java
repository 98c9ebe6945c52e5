package com.illajwala.infrastructure;

import org.springframework.core.env.Environment;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What the environment says about each dependency. A property {@code illajwala.infrastructure.X}
 * wins over its environment variable {@code ILLAJWALA_X}; a blank value means "not given", so
 * {@code --illajwala.infrastructure.postgres-url=} forces the embedded server even where the
 * environment names one.
 *
 * @param dataDir  where embedded servers keep their data; absent = ephemeral (tests)
 * @param isolate  give each application context its own database on an explicitly named server
 */
public record InfrastructureSettings(
        Optional<Path> dataDir,
        Optional<String> postgresUrl,
        Optional<String> postgresUser,
        Optional<String> postgresPassword,
        Optional<String> kafkaBootstrapServers,
        Optional<String> mongodbUri,
        Optional<String> redisUrl,
        String localRedisProbe,
        boolean testcontainers,
        boolean isolate) {

    private static final String PREFIX = "illajwala.infrastructure.";

    public static InfrastructureSettings from(Environment environment) {
        return new InfrastructureSettings(
                value(environment, "data-dir", "ILLAJWALA_DATA_DIR").map(Path::of),
                value(environment, "postgres-url", "ILLAJWALA_POSTGRES_URL"),
                value(environment, "postgres-user", "ILLAJWALA_POSTGRES_USER"),
                value(environment, "postgres-password", "ILLAJWALA_POSTGRES_PASSWORD"),
                value(environment, "kafka-bootstrap-servers", "ILLAJWALA_KAFKA_BOOTSTRAP_SERVERS"),
                value(environment, "mongodb-uri", "ILLAJWALA_MONGODB_URI"),
                value(environment, "redis-url", "ILLAJWALA_REDIS_URL"),
                environment.getProperty(PREFIX + "local-redis-probe", "127.0.0.1:6379"),
                environment.getProperty(PREFIX + "testcontainers", Boolean.class, true),
                environment.getProperty(PREFIX + "isolate", Boolean.class, false));
    }

    private static Optional<String> value(Environment environment, String property, String variable) {
        String key = PREFIX + property;
        String value = environment.containsProperty(key) ? environment.getProperty(key) : environment.getProperty(variable);
        return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty());
    }

    Optional<Path> dataDir(String service) {
        return dataDir.map(dir -> dir.resolve(service).toAbsolutePath());
    }
}
