/**
 * The read side in FHIR R4 for appointment finders and EMRs: SMART Scheduling Links (a per-tenant
 * {@code $bulk-publish} manifest with NDJSON Location, Schedule and Slot files, and {@code _since}
 * deltas) and FHIR read routes for {@code Slot} and {@code Appointment}. Everything is built from the
 * read models the events keep, so it says what the events say; only a clinic's street address and
 * phone number, which never travel in events, come from identity's clinic page.
 */
package com.illajwala.projections.fhir;
