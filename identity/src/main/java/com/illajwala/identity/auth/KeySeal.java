package com.illajwala.identity.auth;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Seals text under a secret with AES-256-GCM (the key is the secret's SHA-256; a fresh 96-bit nonce
 * per seal): {@code base64(nonce).base64(ciphertext and tag)}. Opening fails, rather than answering
 * garbage, for text sealed under another secret or altered since.
 */
final class KeySeal {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;

    KeySeal(byte[] secret) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("The signing-key secret must be 32 bytes or more");
        }
        try {
            key = new SecretKeySpec(MessageDigest.getInstance("SHA-256").digest(secret), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String seal(String plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            Base64.Encoder base64 = Base64.getEncoder();
            return base64.encodeToString(nonce) + "." + base64.encodeToString(cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal a signing key", e);
        }
    }

    /** Empty when the text was sealed under another secret, or is not a seal at all. */
    Optional<String> open(String sealed) {
        int dot = sealed.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        try {
            Base64.Decoder base64 = Base64.getDecoder();
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, base64.decode(sealed.substring(0, dot))));
            return Optional.of(new String(cipher.doFinal(base64.decode(sealed.substring(dot + 1))), StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
