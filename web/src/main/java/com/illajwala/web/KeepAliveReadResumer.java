package com.illajwala.web;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.LastHttpContent;
import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;
import reactor.netty.NettyPipeline;

/**
 * Works around a Reactor Netty 1.2.x bug (reactor-netty#4361, fixed only in a later line): on a
 * keep-alive connection, a request that arrived while the previous answer was still being finished
 * and is then answered at once leaves the connection no longer reading, so the next request on it
 * hangs. After each complete answer this asks the channel to read again; a request read early is
 * queued by Reactor Netty as usual. Remove when Spring Boot brings a Reactor Netty with the fix.
 */
@ChannelHandler.Sharable
final class KeepAliveReadResumer extends ChannelDuplexHandler {

    private static final String NAME = "illajwala.keepAliveReadResumer";

    static NettyServerCustomizer customizer() {
        KeepAliveReadResumer resumer = new KeepAliveReadResumer();
        return server -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, NAME, resumer);
            }
        });
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof LastHttpContent) {
            ctx.write(msg, promise.unvoid()).addListener((ChannelFutureListener) written -> {
                if (written.isSuccess() && written.channel().isActive()) {
                    written.channel().eventLoop().execute(() -> written.channel().read());
                }
            });
            return;
        }
        ctx.write(msg, promise);
    }
}
