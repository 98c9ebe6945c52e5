package com.illajwala.notifications.channel.sms;

import com.fasterxml.jackson.databind.JsonNode;
import com.illajwala.events.notification.NotificationChannel;
import com.illajwala.notifications.channel.ChannelSender;
import com.illajwala.notifications.channel.HttpProviderAnswers;
import com.illajwala.notifications.channel.OutgoingMessage;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * SMS through an API shaped like Twilio's Messages resource: a form {@code POST} to
 * {@code {baseUrl}/2010-04-01/Accounts/{accountSid}/Messages.json} with {@code To}, {@code From} and
 * {@code Body}, HTTP basic auth with the account SID and auth token; answers the message's {@code sid}.
 * Twilio's API takes no idempotency key; the {@code Idempotency-Key} header carries ours for gateways
 * that honour it, and the delivery table is what guarantees one send per event and channel.
 */
public final class TwilioSmsSender implements ChannelSender {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final WebClient client;
    private final String accountSid;
    private final String from;

    public TwilioSmsSender(WebClient.Builder builder, String baseUrl, String accountSid, String authToken, String from) {
        this.client = builder.clone().baseUrl(baseUrl)
                .defaultHeaders(headers -> headers.setBasicAuth(accountSid, authToken))
                .build();
        this.accountSid = accountSid;
        this.from = from;
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.SMS;
    }

    @Override
    public Mono<String> send(OutgoingMessage message) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("To", message.to());
        form.add("From", from);
        form.add("Body", message.body());
        return client.post()
                .uri("/2010-04-01/Accounts/{accountSid}/Messages.json", accountSid)
                .header(IDEMPOTENCY_KEY, message.idempotencyKey())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .accept(MediaType.APPLICATION_JSON)
                .body(BodyInserters.fromFormData(form))
                .retrieve()
                .bodyToMono(JsonNode.class)
                .map(answer -> answer.path("sid").asText(""))
                .onErrorMap(HttpProviderAnswers::classify);
    }
}
