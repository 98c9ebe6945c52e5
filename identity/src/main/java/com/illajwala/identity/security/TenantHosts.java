package com.illajwala.identity.security;

import com.illajwala.web.access.Caller;
import com.illajwala.web.access.HostTenant;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the tenant from the request's host: {@code apollo.illajwala.com} and
 * {@code apollo.localhost:8080} name tenant {@code apollo}; {@code admin.…} names the platform
 * admins' tenant; the base domain itself, {@code www.} and {@code api.} name none.
 */
public final class TenantHosts {

    private static final Set<String> NO_TENANT = Set.of("www", "api");
    private static final String ADMIN = "admin";

    private final List<String> baseDomains;

    /** @param baseDomains the domains whose subdomains are tenants, such as {@code localhost}, {@code illajwala.com} */
    public TenantHosts(List<String> baseDomains) {
        this.baseDomains = baseDomains.stream().map(domain -> domain.toLowerCase(Locale.ROOT)).toList();
    }

    public HostTenant resolve(String host) {
        if (host == null || host.isBlank()) {
            return HostTenant.none();
        }
        String name = withoutPort(host.trim().toLowerCase(Locale.ROOT));
        for (String base : baseDomains) {
            if (name.endsWith("." + base)) {
                String subdomain = name.substring(0, name.length() - base.length() - 1);
                if (NO_TENANT.contains(subdomain)) {
                    return HostTenant.none();
                }
                return HostTenant.of(ADMIN.equals(subdomain) ? Caller.PLATFORM_TENANT : subdomain);
            }
        }
        return HostTenant.none();
    }

    private static String withoutPort(String host) {
        if (host.startsWith("[")) {
            return host;
        }
        int colon = host.lastIndexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }
}
