package com.illajwala.platform.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.illajwala.web.access.Caller;
import com.illajwala.web.access.HostTenant;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * The API's OpenAPI 3 document at {@code /v3/api-docs} (springdoc), from which the front ends'
 * client is generated. It has to be exact enough for the generated types to be useful, so beyond
 * what springdoc reads from the routes it says: which fields every answer always carries
 * ({@link ResponseShapes}), the error envelope every route may answer with, and stable operation
 * ids. The document is committed as {@code frontends/api-client/openapi.json}; {@code OpenApiDocumentIT}
 * fails when the two differ.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDocument {

    static {
        // resolved from the request by the authentication filter, never sent as parameters
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class, HostTenant.class);
    }

    @Bean
    OpenAPI illajwalaApi() {
        return new OpenAPI()
                .info(new Info().title("Illajwala API").version("v1").description("""
                        Every answer is the envelope {success, data} or {success: false, error: {code, message, details}}. \
                        The tenant is the host's (apollo.localhost → apollo; localhost → every tenant). Authenticate with \
                        `Authorization: Bearer <accessToken>` from /api/auth/login, or on /api/stream/** with a single-use \
                        `ticket` from /api/stream/tickets."""))
                .servers(List.of(new Server().url("/")));
    }

    /** Java type of every schema, kept as springdoc resolves them, for {@link #responseShapes}. */
    @Bean
    SchemaTypes schemaTypes() {
        return new SchemaTypes();
    }

    @Bean
    OpenApiCustomizer responseShapes(SchemaTypes types, ObjectMapper objectMapper) {
        return new ResponseShapes(types, objectMapper);
    }

    /**
     * Springdoc names operations after their Java methods and numbers clashes ({@code schedule_1})
     * in whatever order it met them; {@code scheduleStreamSchedule} is the same on every run.
     */
    @Bean
    OperationCustomizer stableOperationIds() {
        return (operation, handler) -> {
            String controller = handler.getBeanType().getSimpleName().replaceFirst("Controller$", "");
            String method = handler.getMethod().getName();
            operation.setOperationId(Character.toLowerCase(controller.charAt(0)) + controller.substring(1)
                    + Character.toUpperCase(method.charAt(0)) + method.substring(1));
            return operation;
        };
    }
}
