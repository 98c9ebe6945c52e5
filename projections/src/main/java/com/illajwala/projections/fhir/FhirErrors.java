package com.illajwala.projections.fhir;

import com.illajwala.projections.fhir.FhirResources.FhirOperationOutcome;
import com.illajwala.web.ApiException;
import com.illajwala.web.ApiExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;

/**
 * FHIR clients read failures as an {@code OperationOutcome}: the FHIR and SMART routes answer
 * theirs so, with the status, error code and field details every other route gives in its envelope.
 * (A request refused before it reaches a route, such as one with a bad token, gets the envelope.)
 */
@RestControllerAdvice(assignableTypes = {FhirController.class, SmartSchedulingController.class})
class FhirErrors {

    static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");
    private static final Logger log = LoggerFactory.getLogger(FhirErrors.class);

    @ExceptionHandler(Exception.class)
    ResponseEntity<FhirOperationOutcome> failed(Exception failure, ServerWebExchange exchange) {
        ApiException error = ApiExceptionHandler.toApiException(failure);
        if (error.status().is5xxServerError()) {
            log.error("Request {} {} failed", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), failure);
        }
        return ResponseEntity.status(error.status()).headers(error.headers()).contentType(FHIR_JSON)
                .body(FhirMapping.outcome(error));
    }
}
