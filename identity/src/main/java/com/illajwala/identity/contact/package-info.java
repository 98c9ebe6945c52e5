/**
 * Read-only look-ups of what a message to a patient needs — their address, number, channels and
 * language, the clinic's name and the doctor's — for notifications to ask at send time. Contact
 * details never travel in events; this is the one door they leave identity through.
 */
package com.illajwala.identity.contact;
