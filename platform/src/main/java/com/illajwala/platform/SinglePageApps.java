package com.illajwala.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

import java.util.List;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.accept;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * Serves the built apps: the patient app at {@code /} (Spring Boot's welcome page), the doctor and
 * admin apps at {@code /doctor/} and {@code /admin/}. Their assets are plain static resources. The
 * apps route in the browser, so a page of theirs opened directly (a link to
 * {@code /doctors/dr-anika-mehta}, a reload on {@code /appointments}) gets the app's
 * {@code index.html} too; paths with a dot are assets and never do. Any other address a browser
 * opens (one asking for HTML, outside the API and the operations endpoints) gets the patient app
 * with a 404 status, and the app shows its not-found page: a person gets a page, not JSON.
 */
@Configuration(proxyBeanMethods = false)
class SinglePageApps {

    /** The first path segments of the patient app's own pages (frontends/patient/src/app/routes.tsx). */
    static final List<String> PATIENT_PAGES = List.of("doctors", "book", "appointments", "waitlist", "profile",
            "sign-in", "register");

    /** Where the platform answers for itself: the API, the operations endpoints, the API's document. */
    static final List<String> SERVER_PREFIXES = List.of("/api", "/actuator", "/v3");

    @Bean
    RouterFunction<ServerResponse> appEntryPoints() {
        RequestPredicate patientPage = PATIENT_PAGES.stream()
                .map(page -> GET("/" + page).or(GET("/" + page + "/**")))
                .reduce(RequestPredicate::or).orElseThrow();
        return route(GET("/doctor").or(GET("/doctor/**")).and(SinglePageApps::notAnAsset),
                request -> index("static/doctor/index.html"))
                .andRoute(GET("/admin").or(GET("/admin/**")).and(SinglePageApps::notAnAsset),
                        request -> index("static/admin/index.html"))
                .andRoute(patientPage.and(SinglePageApps::notAnAsset), request -> index("static/index.html"))
                .andRoute(GET("/**").and(accept(MediaType.TEXT_HTML)).and(SinglePageApps::notAnAsset)
                                .and(SinglePageApps::notTheServers), request -> notFound("static/index.html"));
    }

    /** The root (the welcome page) and the paths the platform itself answers, in its JSON envelope. */
    private static boolean notTheServers(ServerRequest request) {
        String path = request.path();
        return !path.equals("/") && SERVER_PREFIXES.stream()
                .noneMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"));
    }

    private static boolean notAnAsset(ServerRequest request) {
        String path = request.path();
        return !path.substring(path.lastIndexOf('/') + 1).contains(".");
    }

    private static Mono<ServerResponse> index(String path) {
        return page(path, HttpStatus.OK);
    }

    private static Mono<ServerResponse> notFound(String path) {
        return page(path, HttpStatus.NOT_FOUND);
    }

    private static Mono<ServerResponse> page(String path, HttpStatus status) {
        Resource page = new ClassPathResource(path);
        if (!page.exists()) {
            return ServerResponse.notFound().build();
        }
        return ServerResponse.status(status).contentType(MediaType.TEXT_HTML).bodyValue(page);
    }
}
