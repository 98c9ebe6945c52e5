package com.illajwala.notifications.channel;

import com.illajwala.events.notification.NotificationChannel;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The sender of each channel. */
public final class ChannelSenders {

    private final Map<NotificationChannel, ChannelSender> senders = new EnumMap<>(NotificationChannel.class);

    public ChannelSenders(List<? extends ChannelSender> senders) {
        senders.forEach(sender -> this.senders.put(sender.channel(), sender));
        for (NotificationChannel channel : NotificationChannel.values()) {
            if (!this.senders.containsKey(channel)) {
                throw new IllegalArgumentException("No sender for " + channel.code());
            }
        }
    }

    public ChannelSender of(NotificationChannel channel) {
        return senders.get(channel);
    }
}
