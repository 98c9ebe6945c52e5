package com.illajwala.booking.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.illajwala.booking.appointment.AppointmentCommands.ConfirmPayment;
import com.illajwala.eventstore.command.CommandDispatcher;
import com.illajwala.web.ApiException;
import com.illajwala.web.ApiResponse;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.io.IOException;

/**
 * The provider's webhook. A body not signed with our shared secret is a 401 and changes nothing;
 * a captured payment confirms its appointment, and the same payment again changes nothing.
 */
@RestController
class PaymentWebhookController {

    private final ObjectProvider<PaymentGateway> gateway;
    private final CommandDispatcher commands;
    private final ObjectMapper json;

    PaymentWebhookController(ObjectProvider<PaymentGateway> gateway, CommandDispatcher commands, ObjectMapper json) {
        this.gateway = gateway;
        this.commands = commands;
        this.json = json;
    }

    @PostMapping(path = "/api/payments/webhook", consumes = "application/json")
    Mono<ApiResponse<Void>> webhook(@RequestBody byte[] body,
                                    @RequestHeader(name = "X-Razorpay-Signature", required = false) String signature) {
        PaymentGateway provider = gateway.getIfAvailable();
        if (provider == null) {
            throw ApiException.notFound("payments_not_configured", "Online payments are not configured");
        }
        if (!provider.isAuthentic(body, signature)) {
            throw ApiException.unauthorized("invalid_signature", "The webhook signature does not match");
        }
        JsonNode event;
        try {
            event = json.readTree(body);
        } catch (IOException e) {
            throw ApiException.badRequest("malformed_json", "The request body is not valid JSON", null);
        }
        if (!"payment.captured".equals(event.path("event").asText())) {
            return Mono.just(new ApiResponse<>(true, null, null, "Ignored"));
        }
        JsonNode payment = event.path("payload").path("payment").path("entity");
        String paymentId = payment.path("id").asText(null);
        String appointmentId = payment.path("notes").path("appointment_id").asText(null);
        if (paymentId == null || appointmentId == null) {
            throw ApiException.invalidField("payload.payment.entity", "must carry the payment id and notes.appointment_id");
        }
        return commands.send(new ConfirmPayment(appointmentId, paymentId))
                .thenReturn(new ApiResponse<Void>(true, null, null, "Recorded"))
                .onErrorMap(AggregateNotFoundException.class,
                        e -> ApiException.notFound("appointment_not_found", "No appointment " + appointmentId));
    }
}
