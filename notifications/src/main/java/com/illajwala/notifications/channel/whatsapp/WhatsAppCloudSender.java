package com.illajwala.notifications.channel.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.illajwala.events.notification.NotificationChannel;
import com.illajwala.notifications.channel.ChannelSender;
import com.illajwala.notifications.channel.HttpProviderAnswers;
import com.illajwala.notifications.channel.OutgoingMessage;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

import java.util.Map;

/**
 * WhatsApp through Meta's Cloud API: {@code POST {baseUrl}/v19.0/{phoneNumberId}/messages} with a
 * bearer token and a JSON text message; answers the message id ({@code messages[0].id}). Our idempotency
 * reference travels as {@code biz_opaque_callback_data}, which Meta echoes in its status webhooks.
 */
public final class WhatsAppCloudSender implements ChannelSender {

    private final WebClient client;
    private final String phoneNumberId;

    public WhatsAppCloudSender(WebClient.Builder builder, String baseUrl, String phoneNumberId, String accessToken) {
        this.client = builder.clone().baseUrl(baseUrl)
                .defaultHeaders(headers -> headers.setBearerAuth(accessToken))
                .build();
        this.phoneNumberId = phoneNumberId;
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.WHATSAPP;
    }

    @Override
    public Mono<String> send(OutgoingMessage message) {
        Map<String, Object> body = Map.of(
                "messaging_product", "whatsapp",
                "recipient_type", "individual",
                // the Cloud API takes the number without its leading +
                "to", message.to().startsWith("+") ? message.to().substring(1) : message.to(),
                "type", "text",
                "text", Map.of("preview_url", true, "body", message.body()),
                "biz_opaque_callback_data", message.idempotencyKey());
        return client.post()
                .uri("/v19.0/{phoneNumberId}/messages", phoneNumberId)
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .retrieve()
                .bodyToMono(JsonNode.class)
                .map(answer -> answer.path("messages").path(0).path("id").asText(""))
                .onErrorMap(HttpProviderAnswers::classify);
    }
}
