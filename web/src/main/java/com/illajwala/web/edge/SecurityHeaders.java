package com.illajwala.web.edge;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The security headers of every response, set just before it is committed (so error answers and
 * streams have them too): no MIME sniffing, no referrer, never framed, a Content-Security-Policy
 * and, only when the request came over TLS (directly or, behind a proxy, by
 * {@code X-Forwarded-Proto} / {@code Forwarded}), HSTS.
 *
 * <p>HTML pages (the apps) get {@link #APP_POLICY}: scripts only from the platform's own origin
 * (no inline script, no {@code eval}) and Razorpay's Checkout, which the patient app loads to take
 * a payment. Styles allow {@code 'unsafe-inline'}: the apps' UI primitives set style elements and
 * attributes at run time, and a style cannot run code. Everything else (JSON, streams, assets)
 * gets {@link #DOCUMENTLESS_POLICY}, which lets nothing load.
 */
public final class SecurityHeaders implements WebFilter, Ordered {

    /** First: every other filter's and handler's answer is committed after this registered its headers. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

    public static final String APP_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self' https://checkout.razorpay.com",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: https://*.razorpay.com",
            "font-src 'self' data:",
            "connect-src 'self' https://api.razorpay.com https://lumberjack.razorpay.com",
            "frame-src https://api.razorpay.com https://checkout.razorpay.com",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    public static final String DOCUMENTLESS_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /** Two years, with subdomains: every tenant's host is a subdomain of the platform's. */
    public static final String STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

    /**
     * The headers for a response.
     *
     * @param html   whether the response is an HTML page
     * @param secure whether the request came over TLS
     */
    public static Map<String, String> forResponse(boolean html, boolean secure) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Content-Security-Policy", html ? APP_POLICY : DOCUMENTLESS_POLICY);
        if (secure) {
            headers.put("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
        }
        return headers;
    }

    /** Whether a request came over TLS, to the platform or to the proxy in front of it. */
    public static boolean cameOverTls(String scheme, String forwardedProto, String forwarded) {
        if ("https".equalsIgnoreCase(scheme)) {
            return true;
        }
        if (forwardedProto != null && forwardedProto.split(",")[0].trim().equalsIgnoreCase("https")) {
            return true;
        }
        return forwarded != null && forwarded.split(",")[0].toLowerCase(Locale.ROOT).replace(" ", "").contains("proto=https");
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> {
            ServerHttpRequest request = exchange.getRequest();
            HttpHeaders response = exchange.getResponse().getHeaders();
            MediaType type = response.getContentType();
            boolean html = type != null && MediaType.TEXT_HTML.isCompatibleWith(type);
            boolean secure = request.getSslInfo() != null || cameOverTls(request.getURI().getScheme(),
                    request.getHeaders().getFirst("X-Forwarded-Proto"), request.getHeaders().getFirst("Forwarded"));
            forResponse(html, secure).forEach(response::set);
            return Mono.empty();
        });
        return chain.filter(exchange);
    }
}
