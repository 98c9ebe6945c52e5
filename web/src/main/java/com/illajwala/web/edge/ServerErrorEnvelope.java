package com.illajwala.web.edge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.illajwala.web.ApiException;
import com.illajwala.web.ApiExceptionHandler;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.ssl.SslHandler;
import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ResponseStatusException;
import reactor.netty.NettyPipeline;

/**
 * Gives the errors the HTTP server answers on its own the platform's JSON envelope and security
 * headers: a request line longer than the server reads (414 {@code uri_too_long}), headers too
 * large (431), a request it cannot parse (400), and any other error status that would go out with
 * an empty body (Spring answers a request target it cannot turn into a URI with a bare 400). A
 * channel handler right after the HTTP codec, so it sees every response as it is encoded; a
 * response with a body, or to a {@code HEAD} request, passes untouched.
 */
public final class ServerErrorEnvelope extends ChannelDuplexHandler {

    private static final String NAME = "illajwala.serverErrorEnvelope";

    private final ObjectMapper objectMapper;
    private HttpMethod lastMethod;
    private boolean lastOverTls;

    private ServerErrorEnvelope(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /** Adds a handler to each connection (it keeps the connection's last request method, so one per channel). */
    public static NettyServerCustomizer customizer(ObjectMapper objectMapper) {
        return server -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, NAME, handler(objectMapper));
            }
        });
    }

    static ChannelHandler handler(ObjectMapper objectMapper) {
        return new ServerErrorEnvelope(objectMapper);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof HttpRequest request) {
            lastMethod = request.method();
            lastOverTls = ctx.pipeline().get(SslHandler.class) != null || SecurityHeaders.cameOverTls(null,
                    request.headers().get("X-Forwarded-Proto"), request.headers().get("Forwarded"));
        }
        super.channelRead(ctx, msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof FullHttpResponse response && needsEnvelope(response)) {
            FullHttpResponse enveloped;
            try {
                enveloped = enveloped(response);
            } catch (JsonProcessingException cannotWrite) {
                super.write(ctx, msg, promise);
                return;
            }
            response.release();
            super.write(ctx, enveloped, promise);
            return;
        }
        super.write(ctx, msg, promise);
    }

    private boolean needsEnvelope(FullHttpResponse response) {
        return response.status().code() >= 400 && !response.content().isReadable() && !HttpMethod.HEAD.equals(lastMethod);
    }

    private FullHttpResponse enveloped(FullHttpResponse response) throws JsonProcessingException {
        byte[] body = ApiExceptionHandler.envelope(objectMapper, failure(response.status()));
        FullHttpResponse enveloped = new DefaultFullHttpResponse(response.protocolVersion(), response.status(),
                Unpooled.wrappedBuffer(body));
        enveloped.headers().set(response.headers());
        enveloped.headers().remove(HttpHeaderNames.TRANSFER_ENCODING);
        enveloped.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
        enveloped.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        SecurityHeaders.forResponse(false, lastOverTls).forEach(enveloped.headers()::set);
        return enveloped;
    }

    static ApiException failure(HttpResponseStatus status) {
        return switch (status.code()) {
            case 414 -> new ApiException(HttpStatus.URI_TOO_LONG, "uri_too_long",
                    "The request line is longer than the server reads", null);
            case 431 -> new ApiException(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "request_header_fields_too_large",
                    "The request's headers are larger than the server reads", null);
            case 400 -> ApiException.badRequest("bad_request", "The server could not read the request", null);
            default -> ApiExceptionHandler.toApiException(new ResponseStatusException(HttpStatusCode.valueOf(status.code())));
        };
    }
}
