package com.illajwala.identity.auth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void hashesWithArgon2idAtTheRequiredCost() {
        String hash = hasher.hash("correct horse battery staple");

        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(PasswordHasher.MEMORY_KIB).isGreaterThanOrEqualTo(19 * 1024);
        assertThat(PasswordHasher.ITERATIONS).isEqualTo(2);
        assertThat(PasswordHasher.PARALLELISM).isEqualTo(1);
    }

    @Test
    void matchesOnlyTheRightPassword() {
        String hash = hasher.hash("correct horse battery staple");

        assertThat(hasher.matches("correct horse battery staple", hash)).isTrue();
        assertThat(hasher.matches("correct horse battery stapler", hash)).isFalse();
    }

    @Test
    void saltsEveryHash() {
        assertThat(hasher.hash("same")).isNotEqualTo(hasher.hash("same"));
    }

    @Test
    void refusesATamperedHash() {
        String reference = hasher.hash("password");
        String tampered = reference.substring(0, reference.length() - 2) + (reference.endsWith("A") ? "BB" : "AA");
        assertThat(hasher.matches("password", tampered)).isFalse();
    }

    @Test
    void refusesHashesItCannotRead() {
        assertThat(hasher.matches("x", "")).isFalse();
        assertThat(hasher.matches("x", "$2a$10$bcrypt")).isFalse();
        assertThat(hasher.matches("x", "$argon2i$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA")).isFalse();
        assertThat(hasher.matches("x", "$argon2id$v=19$m=abc,t=2,p=1$c2FsdA$aGFzaA")).isFalse();
    }
}
