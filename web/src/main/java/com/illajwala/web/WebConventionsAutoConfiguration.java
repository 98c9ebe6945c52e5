package com.illajwala.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import com.illajwala.web.access.RequestIdentityArguments;
import com.illajwala.web.edge.CheckedPathVariables;
import com.illajwala.web.edge.InputRules;
import com.illajwala.web.edge.RequestTargetFilter;
import com.illajwala.web.edge.SecurityHeaders;
import com.illajwala.web.edge.ServerErrorEnvelope;
import com.illajwala.web.edge.StrictStrings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.reactive.WebFluxRegistrations;
import org.springframework.core.Ordered;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.codec.json.Jackson2JsonDecoder;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

/**
 * Registers the shared error handler, makes JSON input strict about types, holds every request's
 * path, query and body strings to {@link InputRules}, sets the security headers, gives the HTTP
 * server's own errors the envelope and keeps keep-alive connections reading.
 */
@AutoConfiguration(after = JacksonAutoConfiguration.class)
public class WebConventionsAutoConfiguration {

    /**
     * Jackson by default reads {@code "slotId": 123} as the string "123" and {@code "capacity": "2"}
     * as the number 2; a client sending the wrong type should hear about it instead. A field the
     * route does not take (say {@code tenantId} or {@code role} in a body) is refused, never applied
     * or silently dropped.
     */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictJsonTypes() {
        return builder -> builder
                .featuresToDisable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .featuresToEnable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .postConfigurer(mapper -> mapper.coercionConfigFor(LogicalType.Textual)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    WebFluxConfigurer requestIdentityArguments() {
        return new WebFluxConfigurer() {
            @Override
            public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
                configurer.addCustomResolver(new RequestIdentityArguments());
            }
        };
    }

    @Bean
    @ConditionalOnClass(name = "reactor.netty.http.server.HttpServer")
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    NettyServerCustomizer keepAliveReadResumer() {
        return KeepAliveReadResumer.customizer();
    }

    /**
     * Request bodies are read by a copy of the application's mapper with two more rules: every string
     * held to {@link InputRules} ({@link StrictStrings}) and no fraction where an integer belongs
     * ({@code "capacity": 2.5} is refused, not truncated). The copy is the HTTP server's decoder's
     * alone: events, documents and the answers of the providers the platform calls (whose ids need
     * not be ours) are read as they were written. A server-side configurer rather than a
     * {@code CodecCustomizer}, which would reach every {@code WebClient} too.
     */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    WebFluxConfigurer strictRequestBodies(ObjectMapper objectMapper) {
        ObjectMapper requestBodies = objectMapper.copy()
                .registerModule(StrictStrings.module())
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        return new StrictRequestBodies(requestBodies);
    }

    /** After Boot's own configurer, whose Jackson decoder it replaces. */
    private record StrictRequestBodies(ObjectMapper requestBodies) implements WebFluxConfigurer, Ordered {

        @Override
        public void configureHttpMessageCodecs(ServerCodecConfigurer configurer) {
            configurer.defaultCodecs().jackson2JsonDecoder(new Jackson2JsonDecoder(requestBodies));
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    RequestTargetFilter requestTargetFilter(ObjectProvider<RequestMappingHandlerMapping> routes) {
        return new RequestTargetFilter(routes);
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    WebFluxRegistrations checkedPathVariables() {
        return new WebFluxRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new CheckedPathVariables();
            }
        };
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    SecurityHeaders securityHeaders() {
        return new SecurityHeaders();
    }

    @Bean
    @ConditionalOnClass(name = "reactor.netty.http.server.HttpServer")
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    NettyServerCustomizer serverErrorEnvelope(ObjectMapper objectMapper) {
        return ServerErrorEnvelope.customizer(objectMapper);
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    ApiExceptionHandler apiExceptionHandler(ObjectMapper objectMapper) {
        return new ApiExceptionHandler(objectMapper);
    }
}
