/**
 * The HTTP conventions every module shares: the response envelope of the original design
 * ({@code success}, {@code data}, {@code error}, {@code message}), one place that turns every
 * failure into that envelope with the right status, and strict JSON input (no silent type
 * coercion), so no request can produce a 500 by its shape.
 *
 * <p>{@code edge} holds what every request meets before a route: the input rules, the security
 * headers and the envelope for the HTTP server's own errors. Authentication is identity's
 * {@code AuthenticationFilter}, which hands routes a {@code Caller} through {@code access}.
 */
package com.illajwala.web;
