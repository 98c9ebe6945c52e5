package com.illajwala.infrastructure;

import com.mongodb.ConnectionString;
import io.lettuce.core.ClientOptions;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.data.redis.LettuceClientConfigurationBuilderCustomizer;
import org.springframework.boot.autoconfigure.data.redis.RedisConnectionDetails;
import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.boot.autoconfigure.mongo.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Hands Spring Boot's own auto-configuration the PostgreSQL, Kafka, MongoDB and Redis that
 * {@link InfrastructureResolver} resolved, as {@code ConnectionDetails} beans — the seam that
 * Boot's {@code @ServiceConnection} uses too. Each dependency is only resolved (and an embedded
 * server only started) when the application has the client library for it.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
        "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration",
        "org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration",
        "org.springframework.boot.autoconfigure.mongo.MongoReactiveAutoConfiguration",
        "org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration",
        "org.springframework.boot.autoconfigure.data.redis.RedisReactiveAutoConfiguration"})
@ConditionalOnProperty(name = "illajwala.infrastructure.enabled", havingValue = "true", matchIfMissing = true)
public class InfrastructureAutoConfiguration {

    @Bean(destroyMethod = "close")
    InfrastructureResolver infrastructureResolver(Environment environment) {
        return new InfrastructureResolver(InfrastructureSettings.from(environment));
    }

    @Bean
    InfrastructureReport infrastructureReport(InfrastructureResolver resolver) {
        return resolver.report();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.jdbc.core.JdbcTemplate")
    static class Postgres {
        @Bean
        @ConditionalOnMissingBean
        JdbcConnectionDetails jdbcConnectionDetails(InfrastructureResolver resolver) {
            InfrastructureResolver.PostgresAddress address = resolver.postgres();
            return new JdbcConnectionDetails() {
                @Override
                public String getUsername() {
                    return address.user();
                }

                @Override
                public String getPassword() {
                    return address.password();
                }

                @Override
                public String getJdbcUrl() {
                    return address.jdbcUrl();
                }
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "reactor.kafka.sender.KafkaSender")
    static class Kafka {
        @Bean
        @ConditionalOnMissingBean
        KafkaConnectionDetails kafkaConnectionDetails(InfrastructureResolver resolver) {
            List<String> servers = Arrays.asList(resolver.kafkaBootstrapServers().split(","));
            return () -> servers;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"com.mongodb.ConnectionString", "org.springframework.data.mongodb.core.MongoOperations"})
    static class Mongo {
        @Bean
        @ConditionalOnMissingBean
        MongoConnectionDetails mongoConnectionDetails(InfrastructureResolver resolver) {
            ConnectionString connectionString = new ConnectionString(resolver.mongoConnectionString());
            return () -> connectionString;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.data.redis.connection.RedisConnectionFactory")
    static class Redis {
        @Bean
        @ConditionalOnMissingBean
        RedisConnectionDetails redisConnectionDetails(InfrastructureResolver resolver) {
            InfrastructureResolver.HostAndPort address = resolver.redis();
            return new RedisConnectionDetails() {
                @Override
                public Standalone getStandalone() {
                    return Standalone.of(address.host(), address.port());
                }
            };
        }
    }

    /**
     * Redis holds only what may fail open (rate counters, caches, courtesy locks, sessions that fail
     * closed), so a Redis that is away must answer at once rather than hold requests: commands are
     * refused while the connection is down (Lettuce would queue them until reconnected) and time out
     * after {@link #REDIS_COMMAND_TIMEOUT} (Lettuce's default is a minute).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory",
            "io.lettuce.core.ClientOptions"})
    static class RedisClient {
        static final Duration REDIS_COMMAND_TIMEOUT = Duration.ofSeconds(2);

        @Bean
        LettuceClientConfigurationBuilderCustomizer failFastWhileRedisIsAway() {
            return builder -> builder
                    .commandTimeout(REDIS_COMMAND_TIMEOUT)
                    .clientOptions(ClientOptions.builder()
                            .autoReconnect(true)
                            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                            .build());
        }
    }
}
