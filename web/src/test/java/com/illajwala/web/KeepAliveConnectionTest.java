package com.illajwala.web;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.http.codec.CodecsAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.reactive.HttpHandlerAutoConfiguration;
import org.springframework.boot.autoconfigure.web.reactive.ReactiveWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.reactive.WebFluxAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reactor Netty 1.2.18 stops reading a keep-alive connection when a request that arrived while the
 * previous answer was still being finished (an answer written from a command thread) is then answered
 * at once: the third request is never read. Browsers and WebTestClient reuse connections, so without
 * {@link KeepAliveReadResumer} a request hangs now and then right after an error answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = {WebTestConfiguration.class, KeepAliveConnectionTest.Routes.class})
@ImportAutoConfiguration({ReactiveWebServerFactoryAutoConfiguration.class, WebFluxAutoConfiguration.class,
        HttpHandlerAutoConfiguration.class, CodecsAutoConfiguration.class, JacksonAutoConfiguration.class,
        WebConventionsAutoConfiguration.class})
@Import(KeepAliveConnectionTest.Routes.class)
class KeepAliveConnectionTest {

    @LocalServerPort
    int port;

    @RestController
    static class Routes {

        @GetMapping("/elsewhere")
        Mono<ApiResponse<Void>> answeredFromAnotherThread() {
            return Mono.<ApiResponse<Void>>error(ApiException.notFound("not_found", "No such thing"))
                    .subscribeOn(Schedulers.boundedElastic());
        }

        @GetMapping("/at-once")
        ApiResponse<Void> answeredAtOnce() {
            throw ApiException.forbidden("forbidden", "Not yours");
        }

        @GetMapping("/fine")
        ApiResponse<String> fine() {
            return ApiResponse.ok("fine");
        }
    }

    @Test
    void everyRequestOnOneConnectionIsAnsweredAfterErrorsAnsweredFromAnyThread() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(3_000);
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            for (int round = 0; round < 200; round++) {
                for (String path : new String[] {"/elsewhere", "/at-once", "/fine"}) {
                    out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    assertThat(readStatus(in)).as("round %d, %s", round, path)
                            .isEqualTo(switch (path) {
                                case "/elsewhere" -> 404;
                                case "/at-once" -> 403;
                                default -> 200;
                            });
                }
            }
        }
    }

    /** Reads one response (status line, headers, a content-length body) and answers its status. */
    private static int readStatus(BufferedReader in) throws Exception {
        int status = Integer.parseInt(in.readLine().split(" ")[1]);
        int length = 0;
        for (String header = in.readLine(); !header.isEmpty(); header = in.readLine()) {
            if (header.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(header.substring("content-length:".length()).trim());
            }
        }
        char[] body = new char[length];
        for (int read = 0; read < length; ) {
            read += in.read(body, read, length - read);
        }
        return status;
    }
}
