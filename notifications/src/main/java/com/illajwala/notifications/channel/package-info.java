/**
 * The providers messages leave through, one {@link com.illajwala.notifications.channel.ChannelSender} per
 * channel: SMTP ({@code email}), a Twilio-shaped Messages API ({@code sms}) and Meta's WhatsApp Cloud
 * API ({@code whatsapp}), each wrapped in {@link com.illajwala.notifications.channel.ResilientSender};
 * the console when a provider is not configured.
 */
package com.illajwala.notifications.channel;
