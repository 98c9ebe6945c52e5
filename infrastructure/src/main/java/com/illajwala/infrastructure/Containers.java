package com.illajwala.infrastructure;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The Testcontainers path. {@link InfrastructureResolver} only touches this class when
 * Testcontainers is on the classpath, so the running platform never needs it at all.
 */
final class Containers {

    private static volatile Boolean dockerAnswers;

    private Containers() {
    }

    /** Call only when Testcontainers is on the classpath. */
    static boolean dockerAnswers() {
        if (dockerAnswers == null) {
            try {
                dockerAnswers = DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException | LinkageError e) {
                dockerAnswers = false;
            }
        }
        return dockerAnswers;
    }

    /** A started container and how to reach it. */
    record Started(String address, String user, String password, AutoCloseable container) {
    }

    static Started postgres() {
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>(DockerImageName.parse("postgres:16-alpine"));
        container.start();
        return new Started(container.getJdbcUrl(), container.getUsername(), container.getPassword(), container::stop);
    }

    static Started kafka() {
        KafkaContainer container = new KafkaContainer(DockerImageName.parse("apache/kafka:3.9.1"));
        container.start();
        return new Started(container.getBootstrapServers(), null, null, container::stop);
    }

    static Started mongo() {
        MongoDBContainer container = new MongoDBContainer(DockerImageName.parse("mongo:7"));
        container.start();
        return new Started(container.getReplicaSetUrl("illajwala"), null, null, container::stop);
    }

    static Started redis() {
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse("redis:7-alpine")).withExposedPorts(6379);
        container.start();
        return new Started(container.getHost() + ":" + container.getMappedPort(6379), null, null, container::stop);
    }
}
