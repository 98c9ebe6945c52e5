package com.illajwala.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

import java.util.List;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * Serves the built apps: the patient app at {@code /} (Spring Boot's welcome page), the doctor and
 * admin apps at {@code /doctor/} and {@code /admin/}. Their assets are plain static resources. The
 * apps route in the browser, so a page of theirs opened directly (a link to
 * {@code /doctors/dr-anika-mehta}, a reload on {@code /appointments}) gets the app's
 * {@code index.html} too; paths with a dot are assets and never do.
 */
@Configuration(proxyBeanMethods = false)
class SinglePageApps {

    /** The first path segments of the patient app's own pages (frontends/patient/src/app/routes.tsx). */
    static final List<String> PATIENT_PAGES = List.of("doctors", "book", "appointments", "waitlist", "profile",
            "sign-in", "register");

    @Bean
    RouterFunction<ServerResponse> appEntryPoints() {
        RequestPredicate patientPage = PATIENT_PAGES.stream()
                .map(page -> GET("/" + page).or(GET("/" + page + "/**")))
                .reduce(RequestPredicate::or).orElseThrow();
        return route(GET("/doctor").or(GET("/doctor/**")).and(SinglePageApps::notAnAsset),
                request -> index("static/doctor/index.html"))
                .andRoute(GET("/admin").or(GET("/admin/**")).and(SinglePageApps::notAnAsset),
                        request -> index("static/admin/index.html"))
                .andRoute(patientPage.and(SinglePageApps::notAnAsset), request -> index("static/index.html"));
    }

    private static boolean notAnAsset(org.springframework.web.reactive.function.server.ServerRequest request) {
        String path = request.path();
        return !path.substring(path.lastIndexOf('/') + 1).contains(".");
    }

    private static Mono<ServerResponse> index(String path) {
        Resource page = new ClassPathResource(path);
        if (!page.exists()) {
            return ServerResponse.notFound().build();
        }
        return ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(page);
    }
}
