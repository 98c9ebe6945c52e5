/**
 * Identity: tenants, clinics, users of every role, authentication (JWT, JWKS, sessions), rate
 * limits, tenant resolution and the audit log. Its public facts reach Kafka through the same
 * outbox as bookings; private data (credentials, contact details, medical history) stays in its
 * MongoDB documents. Built by the identity issue.
 */
package com.illajwala.identity;
