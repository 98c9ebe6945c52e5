package com.illajwala.notifications.channel;

/**
 * The provider refused the message itself (an invalid number, an address that does not exist, a
 * malformed request): trying again would be refused again. Says nothing about the provider's health.
 */
public class ProviderRejection extends RuntimeException {

    public ProviderRejection(String message) {
        super(message);
    }

    public ProviderRejection(String message, Throwable cause) {
        super(message, cause);
    }
}
