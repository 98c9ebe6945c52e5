package com.illajwala.platform.contract;

import com.illajwala.events.EventCatalogue;
import com.illajwala.web.ApiException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The event contract integrators build on, public: the AsyncAPI document of every topic and type,
 * and each type's JSON Schema (both kept in {@code kafka/src/main/resources/contract}).
 */
@RestController
class ContractController {

    @GetMapping(value = "/api/contract/asyncapi.json", produces = MediaType.APPLICATION_JSON_VALUE)
    Resource asyncApi() {
        return new ClassPathResource("contract/asyncapi.json");
    }

    @GetMapping(value = "/api/contract/schemas/{type}.json", produces = MediaType.APPLICATION_JSON_VALUE)
    Resource schema(@PathVariable String type) {
        // only names of the catalogue reach the class path
        EventCatalogue.byName(type).orElseThrow(() -> ApiException.notFound("unknown_event_type", "No event type " + type));
        return new ClassPathResource("contract/schemas/" + type + ".json");
    }
}
