/**
 * What messages say, per language: resource files {@code notifications/templates/{lang}/{kind}.subject}
 * and {@code .txt} with {@code {placeholders}}, filled in by {@link
 * com.illajwala.notifications.template.MessageComposer} with the clinic's name, the time in the
 * clinic's time zone, the doctor's name and the links — never anything medical.
 */
package com.illajwala.notifications.template;
