package com.illajwala.identity.tenant;

import com.illajwala.identity.user.UserAccounts.NewAccount;
import com.illajwala.web.ApiException;
import com.illajwala.web.ApiResponse;
import com.illajwala.web.access.Caller;
import com.illajwala.web.access.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Platform admins register tenants, each with its first admin. */
@RestController
class TenantController {

    /** Subdomains the platform keeps for itself. */
    static final Set<String> RESERVED_SLUGS = Set.of(Caller.PLATFORM_TENANT, "admin", "www", "api");

    private final Tenants tenants;
    private final ReactiveMongoTemplate mongo;
    private final Clock clock = Clock.systemUTC();

    TenantController(Tenants tenants, ReactiveMongoTemplate mongo) {
        this.tenants = tenants;
        this.mongo = mongo;
    }

    record AdminAccount(@NotBlank @Size(max = 120) String name,
                        @NotBlank @Email @Size(max = 254) String email,
                        @NotBlank @Size(min = 10, max = 128) String password) {
    }

    record RegisterTenantRequest(
            @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,30}[a-z0-9]",
                    message = "must be 3-32 lower-case letters, digits or hyphens") String slug,
            @NotBlank @Size(max = 120) String name,
            @NotNull @Valid AdminAccount admin) {
    }

    @PostMapping("/api/tenants")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ApiResponse<TenantDocument>> register(@Valid @RequestBody RegisterTenantRequest request, Caller caller) {
        caller.requirePlatformAdmin();
        if (RESERVED_SLUGS.contains(request.slug())) {
            throw ApiException.invalidField("slug", "is reserved");
        }
        TenantDocument tenant = new TenantDocument(request.slug(), request.name().trim(), clock.instant());
        NewAccount admin = new NewAccount(null, tenant.id(), Role.ADMIN, request.admin().name().trim(),
                request.admin().email().toLowerCase(Locale.ROOT), null, request.admin().password(), null);
        return tenants.register(tenant, admin).map(ApiResponse::ok);
    }

    @GetMapping("/api/tenants")
    Mono<ApiResponse<List<TenantDocument>>> tenants(Caller caller) {
        caller.requirePlatformAdmin();
        return mongo.find(new Query().with(Sort.by("_id")), TenantDocument.class).collectList().map(ApiResponse::ok);
    }
}
