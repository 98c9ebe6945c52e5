package com.illajwala.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * Serves the built apps: the patient app at {@code /} (Spring Boot's welcome page), the doctor and
 * admin apps at {@code /doctor/} and {@code /admin/}. Their assets are plain static resources.
 */
@Configuration(proxyBeanMethods = false)
class SinglePageApps {

    @Bean
    RouterFunction<ServerResponse> appEntryPoints() {
        return route(GET("/doctor").or(GET("/doctor/")), request -> index("static/doctor/index.html"))
                .andRoute(GET("/admin").or(GET("/admin/")), request -> index("static/admin/index.html"));
    }

    private static reactor.core.publisher.Mono<ServerResponse> index(String path) {
        Resource page = new ClassPathResource(path);
        if (!page.exists()) {
            return ServerResponse.notFound().build();
        }
        return ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(page);
    }
}
