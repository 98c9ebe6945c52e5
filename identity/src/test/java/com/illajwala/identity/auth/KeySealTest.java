package com.illajwala.identity.auth;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeySealTest {

    private final KeySeal seal = new KeySeal(Secrets.random().getBytes(StandardCharsets.US_ASCII));

    @Test
    void opensWhatItSealedAndSealsTheSameTextDifferentlyEachTime() {
        String first = seal.seal("{\"d\":\"private\"}");
        assertThat(seal.open(first)).contains("{\"d\":\"private\"}");
        assertThat(seal.seal("{\"d\":\"private\"}")).isNotEqualTo(first).doesNotContain("private");
    }

    @Test
    void opensNothingSealedUnderAnotherSecretOrAltered() {
        String sealed = seal.seal("key");
        KeySeal other = new KeySeal(Secrets.random().getBytes(StandardCharsets.US_ASCII));
        assertThat(other.open(sealed)).isEmpty();
        char last = sealed.charAt(sealed.length() - 3);
        assertThat(seal.open(sealed.substring(0, sealed.length() - 3) + (last == 'A' ? 'B' : 'A') + sealed.substring(sealed.length() - 2)))
                .isEmpty();
        assertThat(seal.open("not a seal")).isEmpty();
    }

    @Test
    void refusesAShortSecret() {
        assertThatThrownBy(() -> new KeySeal("short".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
