package com.illajwala.identity.user;

import com.illajwala.web.access.Caller;
import com.illajwala.web.access.Role;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * A user account. Credentials and contact details live only here, never in an event.
 *
 * @param tenantId     the organisation of a doctor, staff member or admin; {@value Caller#PLATFORM_TENANT}
 *                     for platform admins and patients
 * @param loginEmail   {@code tenantId|email}, unique: one account per email within a tenant
 * @param loginPhone   {@code tenantId|phone}, unique: one account per phone number within a tenant
 * @param passwordHash an Argon2id PHC string; absent for accounts that sign in by phone only
 * @param clinicId     the clinic of a doctor or staff member
 */
@Document(UserDocument.COLLECTION)
public record UserDocument(
        @Id String id,
        String tenantId,
        Role role,
        String name,
        String email,
        String phone,
        String loginEmail,
        String loginPhone,
        String passwordHash,
        String clinicId,
        Instant createdAt) {

    public static final String COLLECTION = "users";

    public static UserDocument create(String id, String tenantId, Role role, String name, String email, String phone,
                                      String passwordHash, String clinicId, Instant createdAt) {
        return new UserDocument(id, tenantId, role, name, email, phone,
                email == null ? null : loginKey(tenantId, email), phone == null ? null : loginKey(tenantId, phone),
                passwordHash, clinicId, createdAt);
    }

    public static String loginKey(String tenantId, String emailOrPhone) {
        return tenantId + "|" + emailOrPhone.toLowerCase(java.util.Locale.ROOT);
    }

    /** The caller this account is once signed in. */
    public Caller toCaller() {
        return new Caller(id, email, role, tenantId, clinicId);
    }
}
