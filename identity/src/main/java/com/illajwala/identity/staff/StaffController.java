package com.illajwala.identity.staff;

import com.illajwala.identity.clinic.Clinics;
import com.illajwala.identity.user.UserAccounts;
import com.illajwala.identity.user.UserAccounts.NewAccount;
import com.illajwala.identity.user.UserDocument;
import com.illajwala.web.ApiException;
import com.illajwala.web.ApiResponse;
import com.illajwala.web.access.Caller;
import com.illajwala.web.access.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A tenant's admins open accounts for its front-desk staff and see who works for the tenant. */
@RestController
class StaffController {

    private final UserAccounts accounts;
    private final Clinics clinics;
    private final ReactiveMongoTemplate mongo;

    StaffController(UserAccounts accounts, Clinics clinics, ReactiveMongoTemplate mongo) {
        this.accounts = accounts;
        this.clinics = clinics;
        this.mongo = mongo;
    }

    record AddStaffRequest(@NotBlank @Size(max = 120) String name,
                           @NotBlank @Email @Size(max = 254) String email,
                           @NotBlank @Size(min = 10, max = 128) String password,
                           @NotBlank @Size(max = 64) String clinicId) {
    }

    /** A member of the tenant as its admins see them. */
    record MemberView(String id, String name, String email, Role role, @Nullable String clinicId) {

        static MemberView of(UserDocument user) {
            return new MemberView(user.id(), user.name(), user.email(), user.role(), user.clinicId());
        }
    }

    @PostMapping("/api/staff")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ApiResponse<MemberView>> add(@Valid @RequestBody AddStaffRequest request, Caller caller) {
        caller.requireTenantAdmin();
        return clinics.countOfTenant(caller.tenantId(), Set.of(request.clinicId()))
                .flatMap(known -> known == 1 ? Mono.empty()
                        : Mono.error(ApiException.invalidField("clinicId", "must name a clinic of your organisation")))
                .then(accounts.open(new NewAccount(null, caller.tenantId(), Role.STAFF, request.name().trim(),
                        request.email().toLowerCase(Locale.ROOT), null, request.password(), request.clinicId())))
                .map(user -> ApiResponse.ok(MemberView.of(user)));
    }

    /** Everyone who works for the caller's tenant: doctors, staff and admins. */
    @GetMapping("/api/staff")
    Mono<ApiResponse<List<MemberView>>> members(Caller caller) {
        caller.requireTenantAdmin();
        return mongo.find(Query.query(Criteria.where("tenantId").is(caller.tenantId())).with(Sort.by("name")),
                        UserDocument.class, UserDocument.COLLECTION)
                .map(MemberView::of).collectList().map(ApiResponse::ok);
    }
}
