package com.illajwala.platform.openapi;

import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Passes every type on to springdoc's own converters and remembers which Java type each named
 * schema was made from, so that {@link ResponseShapes} can read the Java declarations afterwards.
 */
final class SchemaTypes implements ModelConverter {

    private static final String REF_PREFIX = "#/components/schemas/";

    /**
     * JVM-wide on purpose: swagger-core's converter chain ({@code ModelConverters}) is a JVM-wide
     * singleton, so with several application contexts in one JVM (the test suite) only the first
     * context's converter sees the models. A name always means the same Java type.
     */
    private static final Map<String, JavaType> BY_NAME = new ConcurrentHashMap<>();

    @Override
    public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        if (!chain.hasNext()) {
            return null;
        }
        Schema<?> schema = chain.next().resolve(type, context, chain);
        if (schema != null && type.getType() != null) {
            String name = schema.get$ref() != null && schema.get$ref().startsWith(REF_PREFIX)
                    ? schema.get$ref().substring(REF_PREFIX.length()) : schema.getName();
            if (name != null) {
                JavaType javaType = type.getType() instanceof JavaType known ? known : Json.mapper().constructType(type.getType());
                BY_NAME.putIfAbsent(name, javaType);
            }
        }
        return schema;
    }

    Optional<JavaType> of(String schemaName) {
        return Optional.ofNullable(BY_NAME.get(schemaName));
    }
}
