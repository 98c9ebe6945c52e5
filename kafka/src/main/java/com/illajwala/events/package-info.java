/**
 * The public event contract of Illajwala: one sealed family of immutable event records per
 * aggregate, the topics they travel on and their CloudEvents type names. Integrators build on
 * these names, so they are spelled out in {@link com.illajwala.events.EventCatalogue} and never
 * derived from Java class names. Events carry ids and facts only: no credentials, no contact
 * details, no medical data.
 */
package com.illajwala.events;
