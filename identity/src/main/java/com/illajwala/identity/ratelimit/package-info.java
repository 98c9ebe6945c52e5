/**
 * Fixed-window request limits per endpoint and subject (an IP address, a phone number, an
 * account), counted in Redis so every instance of the service shares one count.
 */
package com.illajwala.identity.ratelimit;
