package com.illajwala.identity;

import com.illajwala.infrastructure.InfrastructureResolver;
import com.illajwala.infrastructure.InfrastructureSettings;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.mock.env.MockEnvironment;

/** The Redis the infrastructure library resolves (local, Testcontainers or embedded), for tests without a Spring context. */
public final class RealRedis implements AutoCloseable {

    private final InfrastructureResolver resolver;
    private final LettuceConnectionFactory connections;
    private final ReactiveStringRedisTemplate template;

    public RealRedis() {
        resolver = new InfrastructureResolver(InfrastructureSettings.from(new MockEnvironment()));
        InfrastructureResolver.HostAndPort address = resolver.redis();
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration(address.host(), address.port()));
        connections.afterPropertiesSet();
        template = new ReactiveStringRedisTemplate(connections);
    }

    public ReactiveStringRedisTemplate template() {
        return template;
    }

    @Override
    public void close() {
        connections.destroy();
        resolver.close();
    }
}
