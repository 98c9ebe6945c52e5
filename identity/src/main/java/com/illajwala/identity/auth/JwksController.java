package com.illajwala.identity.auth;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** The public keys that verify access tokens, for any service or integrator that checks them. */
@RestController
class JwksController {

    private final SigningKeys keys;

    JwksController(SigningKeys keys) {
        this.keys = keys;
    }

    /** A standard JWK Set document (not the API envelope: JOSE libraries read it as it is). */
    @GetMapping(path = "/.well-known/jwks.json", produces = "application/jwk-set+json")
    Map<String, Object> jwks() {
        return keys.publicJwks().toJSONObject();
    }
}
