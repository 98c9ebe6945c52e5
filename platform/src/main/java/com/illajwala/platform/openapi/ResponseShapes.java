package com.illajwala.platform.openapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Makes the document say what the answers really look like, so that the types generated from it
 * need no guessing:
 * <ul>
 *   <li>the success envelope {@code {success, data}} of every route ({@code ApiResponse…} schemas),
 *       with {@code data} always there except on routes that answer only a message;</li>
 *   <li>the error envelope ({@code ErrorResponse}: {@code error.code}, {@code error.message} and, for
 *       validation failures, {@code details} as field problems) as every {@code /api} route's
 *       {@code default} answer;</li>
 *   <li>which fields of an answer are always present and which can be null. A field that can be
 *       null says so in Java with an annotation named {@code Nullable} (Spring's, or the event
 *       contract's {@code com.illajwala.events.Nullable}). Jackson writes every field of a type
 *       without {@code @JsonInclude}, so those are {@code required}, and {@code nullable} when so
 *       declared; a {@code NON_NULL} type leaves out exactly its nulls, so its fields are
 *       {@code required} unless declared nullable, and then optional. Request bodies keep
 *       springdoc's reading of their validation annotations;</li>
 *   <li>the {@code ticket} query parameter of the event streams, which the authentication filter
 *       reads rather than the route;</li>
 *   <li>on the FHIR and SMART Scheduling Links routes ({@code /api/fhir}, {@code /api/smart}), failures
 *       as a FHIR {@code OperationOutcome} and the NDJSON files as text, one resource a line.</li>
 * </ul>
 */
final class ResponseShapes implements OpenApiCustomizer {

    static final String ERROR_RESPONSE = "ErrorResponse";
    static final String API_ERROR = "ApiError";
    static final String FIELD_PROBLEM = "FieldProblem";
    static final String OPERATION_OUTCOME = "OperationOutcome";
    private static final String FHIR_NDJSON = "application/fhir+ndjson";
    private static final String SUCCESS_ENVELOPE = "ApiResponse";
    private static final String REF_PREFIX = "#/components/schemas/";

    private final SchemaTypes types;
    private final ObjectMapper objectMapper;

    ResponseShapes(SchemaTypes types, ObjectMapper objectMapper) {
        this.types = types;
        this.objectMapper = objectMapper;
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public void customise(OpenAPI api) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        Set<String> requestSide = reachableFromRequests(api, schemas);
        schemas.values().forEach(ResponseShapes::notNullItself);
        schemas.forEach((name, schema) -> {
            if (name.startsWith(SUCCESS_ENVELOPE)) {
                successEnvelope(schema);
            } else if (!requestSide.contains(name) && schema.getProperties() != null) {
                types.of(name).ifPresent(type -> presence(schema, type, api.getOpenapi().startsWith("3.0")));
            }
        });
        schemas.put(FIELD_PROBLEM, new ObjectSchema()
                .addProperty("field", new StringSchema().description("the request field, e.g. `email` or `weekly.MONDAY[0].start`"))
                .addProperty("message", new StringSchema())
                .required(List.of("field", "message")));
        schemas.put(API_ERROR, new ObjectSchema()
                .addProperty("code", new StringSchema().description("stable and machine-readable, e.g. `slot_full`"))
                .addProperty("message", new StringSchema().description("for people"))
                .addProperty("details", new ArraySchema().items(ref(FIELD_PROBLEM))
                        .description("what is wrong with each field, for `validation_failed`"))
                .required(List.of("code", "message")));
        schemas.put(ERROR_RESPONSE, new ObjectSchema()
                .addProperty("success", new BooleanSchema()._enum(List.of(false)))
                .addProperty("error", ref(API_ERROR))
                .required(List.of("success", "error")));
        schemas.put(OPERATION_OUTCOME, operationOutcome());
        schemas.remove("ServerSentEventObject");
        api.getComponents().addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("bearer").bearerFormat("JWT"));
        api.getPaths().forEach((path, item) -> {
            if (path.startsWith("/api/fhir/") || path.startsWith("/api/smart/")) {
                item.readOperations().forEach(ResponseShapes::fhir);
            } else if (path.startsWith("/api/")) {
                item.readOperations().forEach(operation -> operation.getResponses().addApiResponse("default",
                        new ApiResponse().description("Failure, in the error envelope").content(new Content()
                                .addMediaType("application/json", new MediaType().schema(ref(ERROR_RESPONSE))))));
            }
            if (path.startsWith("/api/stream/") && item.getGet() != null) {
                eventStream(item.getGet());
            }
        });
    }

    /**
     * Swagger-core marks the model of a {@code @Nullable} field that refers to it as nullable (in
     * OpenAPI 3.1 by replacing its type with "null"): a model is never null itself; its fields
     * are, and {@link #presence} says so where they are declared.
     */
    @SuppressWarnings("rawtypes")
    private static void notNullItself(Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        schema.setNullable(null);
        if (schema.getTypes() != null && schema.getTypes().contains("null")) {
            Set<String> types = new TreeSet<>(schema.getTypes());
            types.remove("null");
            types.add("object");
            schema.setTypes(types);
        }
    }

    /** {@code {success, data}}: the {@code error} field is never set on success; routes answering a message have no data. */
    @SuppressWarnings("rawtypes")
    private static void successEnvelope(Schema schema) {
        Map<String, Schema> properties = schema.getProperties();
        if (properties == null) {
            return;
        }
        properties.remove("error");
        Schema data = properties.get("data");
        boolean noData = data == null || (data.get$ref() == null && data.getType() == null && data.getTypes() == null
                && data.getProperties() == null && data.getItems() == null);
        if (noData) {
            properties.remove("data");
            schema.setRequired(List.of("success"));
        } else {
            schema.setRequired(List.of("data", "success"));
        }
    }

    /** Required: what Jackson always writes. Nullable: what Java declares {@code @Nullable}. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private void presence(Schema schema, JavaType type, boolean openApi30) {
        Map<String, Presence> byName = new LinkedHashMap<>();
        collect(objectMapper.getSerializationConfig(), type, byName);
        Set<String> required = new TreeSet<>(schema.getRequired() == null ? List.of() : schema.getRequired());
        Map<String, Schema> properties = schema.getProperties();
        properties.replaceAll((name, property) -> {
            Presence presence = byName.get(name);
            if (presence == null || Boolean.TRUE.equals(property.getWriteOnly())) {
                return property;
            }
            if (presence.always()) {
                required.add(name);
            }
            if (!presence.nullable()) {
                // springdoc reads @Nullable too, but a field Jackson leaves out when null is never null
                property.setNullable(null);
                if (property.getTypes() != null && property.getTypes().contains("null") && property.getTypes().size() > 1) {
                    Set<String> types = new TreeSet<>(property.getTypes());
                    types.remove("null");
                    property.setTypes(types);
                }
                return property;
            }
            if (property.get$ref() == null) {
                // OpenAPI 3.1 (springdoc's default) prints this as a type list with "null"
                return property.nullable(true);
            }
            Schema target = ref(property.get$ref().substring(REF_PREFIX.length()));
            return openApi30 ? new Schema<>().allOf(List.of(target)).nullable(true)
                    : new Schema<>().oneOf(List.of(target, new Schema<>().types(Set.of("null"))));
        });
        schema.setRequired(required.isEmpty() ? null : new ArrayList<>(required));
    }

    private record Presence(boolean always, boolean nullable) {
    }

    private static void collect(SerializationConfig config, JavaType type, Map<String, Presence> byName) {
        BeanDescription description = config.introspect(type);
        JsonInclude.Value typeInclusion = description.findPropertyInclusion(config.getDefaultPropertyInclusion(type.getRawClass()));
        for (BeanPropertyDefinition property : description.findProperties()) {
            AnnotatedMember accessor = property.getAccessor();
            if (accessor == null || !property.couldSerialize()) {
                continue;
            }
            if (accessor.hasAnnotation(JsonUnwrapped.class)) {
                collect(config, accessor.getType(), byName);
                continue;
            }
            JsonInclude.Include inclusion = typeInclusion.withOverrides(property.findInclusion()).getValueInclusion();
            boolean primitive = property.getRawPrimaryType().isPrimitive();
            boolean nullable = !primitive && declaredNullable(property);
            boolean written = primitive || inclusion == JsonInclude.Include.ALWAYS || inclusion == JsonInclude.Include.USE_DEFAULTS;
            // NON_NULL leaves out exactly the nulls: a field that cannot be null is always there, one that can is optional
            boolean skipsNulls = inclusion == JsonInclude.Include.NON_NULL || inclusion == JsonInclude.Include.NON_ABSENT;
            if (written) {
                byName.put(property.getName(), new Presence(true, nullable));
            } else {
                byName.put(property.getName(), new Presence(skipsNulls && !nullable, false));
            }
        }
    }

    /** Any annotation called {@code Nullable} (Spring's, Jakarta's, JSpecify's) on the field or its accessor. */
    private static boolean declaredNullable(BeanPropertyDefinition property) {
        List<AnnotatedMember> members = new ArrayList<>();
        members.add(property.getField());
        members.add(property.getGetter());
        members.add(property.getConstructorParameter());
        return members.stream().filter(Objects::nonNull).map(AnnotatedMember::getAnnotated).filter(Objects::nonNull)
                .map(AnnotatedElement.class::cast)
                .flatMap(element -> java.util.Arrays.stream(element.getAnnotations()))
                .map(Annotation::annotationType)
                .anyMatch(annotation -> annotation.getSimpleName().equals("Nullable"));
    }

    private static void fhir(Operation operation) {
        operation.getResponses().addApiResponse("default", new ApiResponse().description("Failure, as a FHIR OperationOutcome")
                .content(new Content().addMediaType("application/fhir+json", new MediaType().schema(ref(OPERATION_OUTCOME)))));
        ApiResponse ok = operation.getResponses().get("200");
        if (ok != null && ok.getContent() != null && ok.getContent().get(FHIR_NDJSON) != null) {
            ok.getContent().get(FHIR_NDJSON).schema(new StringSchema().description(
                    "NDJSON: one FHIR R4 resource (minified JSON) per line"));
        }
    }

    @SuppressWarnings("rawtypes")
    private static Schema operationOutcome() {
        Schema issue = new ObjectSchema()
                .addProperty("severity", new StringSchema()._enum(List.of("error")))
                .addProperty("code", new StringSchema().description("FHIR's issue type: `invalid`, `login`, `forbidden`, `not-found`…"))
                .addProperty("details", new ObjectSchema().addProperty("text", new StringSchema()
                        .description("our stable error code, e.g. `slot_not_found`")).required(List.of("text")))
                .addProperty("diagnostics", new StringSchema().description("for people"))
                .addProperty("expression", new ArraySchema().items(new StringSchema()).description("the parameter at fault"))
                .required(List.of("severity", "code", "details", "diagnostics"));
        return new ObjectSchema()
                .addProperty("resourceType", new StringSchema()._enum(List.of("OperationOutcome")))
                .addProperty("issue", new ArraySchema().items(issue))
                .required(List.of("resourceType", "issue"));
    }

    private static void eventStream(Operation operation) {
        boolean hasTicket = operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(parameter -> "ticket".equals(parameter.getName()));
        if (!hasTicket) {
            operation.addParametersItem(new Parameter().in("query").name("ticket").required(false)
                    .description("a single-use ticket from POST /api/stream/tickets (EventSource cannot send headers)")
                    .schema(new StringSchema()));
        }
        ApiResponse ok = operation.getResponses().get("200");
        if (ok != null && ok.getContent() != null && ok.getContent().get("text/event-stream") != null) {
            ok.getContent().get("text/event-stream").schema(new StringSchema().description(
                    "Server-Sent Events: `id:` to resume from (Last-Event-ID), `event:` the CloudEvents type or `reload`, "
                            + "`data:` the event as JSON; heartbeat comments in between"));
        }
    }

    /** The schemas request bodies and parameters use, directly or inside others. */
    @SuppressWarnings("rawtypes")
    private static Set<String> reachableFromRequests(OpenAPI api, Map<String, Schema> schemas) {
        Deque<Schema> pending = new ArrayDeque<>();
        for (PathItem item : api.getPaths().values()) {
            for (Operation operation : item.readOperations()) {
                if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                    operation.getRequestBody().getContent().values().forEach(media -> add(pending, media.getSchema()));
                }
                if (operation.getParameters() != null) {
                    operation.getParameters().forEach(parameter -> add(pending, parameter.getSchema()));
                }
            }
        }
        Set<String> reached = new HashSet<>();
        while (!pending.isEmpty()) {
            Schema schema = pending.pop();
            if (schema.get$ref() != null) {
                String name = schema.get$ref().substring(REF_PREFIX.length());
                if (reached.add(name)) {
                    add(pending, schemas.get(name));
                }
                continue;
            }
            if (schema.getProperties() != null) {
                ((Map<?, ?>) schema.getProperties()).values().forEach(value -> add(pending, (Schema) value));
            }
            add(pending, schema.getItems());
            if (schema.getAdditionalProperties() instanceof Schema additional) {
                add(pending, additional);
            }
            addAll(pending, schema.getAllOf());
            addAll(pending, schema.getOneOf());
            addAll(pending, schema.getAnyOf());
        }
        return reached;
    }

    @SuppressWarnings("rawtypes")
    private static void add(Deque<Schema> pending, Schema schema) {
        if (schema != null) {
            pending.push(schema);
        }
    }

    @SuppressWarnings("rawtypes")
    private static void addAll(Deque<Schema> pending, Collection<Schema> schemas) {
        if (schemas != null) {
            schemas.forEach(schema -> add(pending, schema));
        }
    }

    @SuppressWarnings("rawtypes")
    private static Schema ref(String name) {
        return new Schema<>().$ref(REF_PREFIX + name);
    }
}
