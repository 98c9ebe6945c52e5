package com.illajwala.load;

import java.net.URI;
import java.time.Duration;

/**
 * What a run is pointed at and how hard it pushes: system properties, set by {@code ./bench/load}
 * (or {@code -D…} on the Maven command line).
 */
public record LoadSettings(URI url, String tenant, String clinic, String platformAdmin, String tenantAdmin,
                           String password, Duration duration, String figures) {

    public static LoadSettings fromSystemProperties() {
        return new LoadSettings(URI.create(property("load.url", "http://localhost:8080")),
                property("load.tenant", "apollo"), property("load.clinic", "apollo-koramangala"),
                property("load.platform-admin", "admin@illajwala.test"), property("load.tenant-admin", "admin@apollo.test"),
                property("load.password", "illajwala-demo"),
                Duration.ofSeconds(Long.parseLong(property("load.duration", "30"))),
                property("load.figures", "target/load-figures.tsv"));
    }

    public static String property(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    public static int intProperty(String name, int fallback) {
        return Integer.parseInt(property(name, Integer.toString(fallback)));
    }

    /** The platform's own host, where patients sign in and book. */
    public String publicHost() {
        return hostWithPort(url.getHost());
    }

    public String tenantHost() {
        return subdomain(tenant);
    }

    public String adminHost() {
        return subdomain("admin");
    }

    /** {@code apollo.localhost:8080} for a local address, {@code apollo.example.com} for a named one. */
    private String subdomain(String name) {
        String host = url.getHost();
        boolean local = host.equals("localhost") || host.matches("[0-9.]+") || host.contains(":");
        return hostWithPort(name + "." + (local ? "localhost" : host));
    }

    private String hostWithPort(String host) {
        return url.getPort() < 0 ? host : host + ":" + url.getPort();
    }

    public String baseUrl() {
        String text = url.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
