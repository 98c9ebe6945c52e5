package com.illajwala.kafka;

import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import com.illajwala.events.Topic;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates the contract's topics and their dead-letter topics if they do not exist yet. The contract's
 * topics keep every record forever ({@code retention.ms=-1}): read models are rebuilt, and
 * integrators replay, from their start; topics made before are set so too.
 */
public final class KafkaTopics {

    private static final String RETENTION = "retention.ms";
    private static final String FOREVER = "-1";

    private KafkaTopics() {
    }

    public static void ensureExist(String bootstrapServers, int partitions, short replicationFactor) {
        List<NewTopic> topics = new ArrayList<>();
        for (Topic topic : Topic.values()) {
            topics.add(new NewTopic(topic.topicName(), partitions, replicationFactor).configs(Map.of(RETENTION, FOREVER)));
            topics.add(new NewTopic(topic.deadLetterTopicName(), 1, replicationFactor));
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            for (var result : admin.createTopics(topics).values().values()) {
                try {
                    result.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Cannot create topics on " + bootstrapServers, e.getCause());
                    }
                }
            }
            Map<ConfigResource, Collection<AlterConfigOp>> keepForever = new HashMap<>();
            for (Topic topic : Topic.values()) {
                keepForever.put(new ConfigResource(ConfigResource.Type.TOPIC, topic.topicName()),
                        List.of(new AlterConfigOp(new ConfigEntry(RETENTION, FOREVER), AlterConfigOp.OpType.SET)));
            }
            admin.incrementalAlterConfigs(keepForever).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot keep the topics' records on " + bootstrapServers, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + bootstrapServers + " did not answer", e);
        }
    }
}
