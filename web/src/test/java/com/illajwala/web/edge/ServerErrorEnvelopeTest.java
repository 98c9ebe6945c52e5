package com.illajwala.web.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The handler on its own, as the HTTP server's pipeline sees it: requests in, responses out. */
class ServerErrorEnvelopeTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void anEmptyRequestUriTooLongAnswerGetsTheEnvelopeAndTheSecurityHeaders() throws Exception {
        FullHttpResponse answer = answer(HttpMethod.GET, null, emptyAnswer(HttpResponseStatus.REQUEST_URI_TOO_LONG));

        assertThat(answer.status().code()).isEqualTo(414);
        assertThat(answer.headers().get(HttpHeaderNames.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(answer.headers().get(HttpHeaderNames.CONNECTION)).isEqualTo("close");
        assertThat(answer.headers().get("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(answer.headers().get("Content-Security-Policy")).isEqualTo(SecurityHeaders.DOCUMENTLESS_POLICY);
        assertThat(answer.headers().contains("Strict-Transport-Security")).isFalse();
        JsonNode body = json.readTree(answer.content().toString(StandardCharsets.UTF_8));
        assertThat(answer.headers().getInt(HttpHeaderNames.CONTENT_LENGTH)).isEqualTo(answer.content().readableBytes());
        assertThat(body.path("success").asBoolean(true)).isFalse();
        assertThat(body.path("error").path("code").asText()).isEqualTo("uri_too_long");
    }

    @Test
    void headersTooLargeAndUnreadableRequestsGetTheirOwnCodes() throws Exception {
        assertThat(code(answer(HttpMethod.GET, null, emptyAnswer(HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE))))
                .isEqualTo("request_header_fields_too_large");
        assertThat(code(answer(HttpMethod.GET, null, emptyAnswer(HttpResponseStatus.BAD_REQUEST)))).isEqualTo("bad_request");
        assertThat(code(answer(HttpMethod.GET, null, emptyAnswer(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE)))).isEqualTo("payload_too_large");
    }

    @Test
    void aRequestForwardedOverTlsGetsHsts() {
        FullHttpResponse answer = answer(HttpMethod.GET, "https", emptyAnswer(HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE));

        assertThat(answer.headers().get("Strict-Transport-Security")).isEqualTo(SecurityHeaders.STRICT_TRANSPORT_SECURITY);
    }

    @Test
    void leavesAnswersWithABodySuccessesAndHeadAnswersAlone() {
        FullHttpResponse withBody = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NOT_FOUND,
                Unpooled.copiedBuffer("{\"success\":false}", StandardCharsets.UTF_8));
        assertThat(answer(HttpMethod.GET, null, withBody).content().toString(StandardCharsets.UTF_8)).isEqualTo("{\"success\":false}");
        assertThat(answer(HttpMethod.GET, null, emptyAnswer(HttpResponseStatus.NOT_MODIFIED)).content().isReadable()).isFalse();
        assertThat(answer(HttpMethod.HEAD, null, emptyAnswer(HttpResponseStatus.NOT_FOUND)).content().isReadable()).isFalse();
    }

    private String code(FullHttpResponse answer) throws Exception {
        return json.readTree(answer.content().toString(StandardCharsets.UTF_8)).path("error").path("code").asText();
    }

    private static FullHttpResponse emptyAnswer(HttpResponseStatus status) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status);
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0).set(HttpHeaderNames.CONNECTION, "close");
        return response;
    }

    private FullHttpResponse answer(HttpMethod method, String forwardedProto, FullHttpResponse response) {
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.pipeline().addLast(ServerErrorEnvelope.handler(json));
        DefaultFullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, "/x");
        if (forwardedProto != null) {
            request.headers().set("X-Forwarded-Proto", forwardedProto);
        }
        channel.writeInbound(request);
        channel.releaseInbound();
        channel.writeOutbound(response);
        FullHttpResponse written = channel.readOutbound();
        channel.finishAndReleaseAll();
        return written;
    }
}
