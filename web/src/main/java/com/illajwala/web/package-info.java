/**
 * The HTTP conventions every module shares: the response envelope of the original design
 * ({@code success}, {@code data}, {@code error}, {@code message}), one place that turns every
 * failure into that envelope with the right status, and strict JSON input (no silent type
 * coercion), so no request can produce a 500 by its shape.
 *
 * <p>Authentication and tenant checks plug in here as a WebFlux security filter chain (identity issue).
 */
package com.illajwala.web;
