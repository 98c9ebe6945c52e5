package com.illajwala.infrastructure;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A real Apache Kafka broker (KRaft, combined broker and controller) running in this JVM. Stop and
 * start keep its port and its log directory, so a restart loses nothing.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private final Path logDir;
    private final boolean deleteOnClose;
    private final int port;
    private final int controllerPort;
    private KafkaRaftServer server;

    private EmbeddedKafkaBroker(Path logDir, boolean deleteOnClose, int port) {
        this.logDir = logDir;
        this.deleteOnClose = deleteOnClose;
        this.port = port;
        this.controllerPort = FreePorts.find();
    }

    /** Starts a broker on a free port whose logs live in {@code logDir}, or in a temporary directory when it is null. */
    public static EmbeddedKafkaBroker start(Path logDir) {
        return start(logDir, FreePorts.find());
    }

    /**
     * Starts a broker on Kafka's usual port 9092 when it is free, so that local tools and the example
     * consumer find it without being told; on a free port otherwise.
     */
    public static EmbeddedKafkaBroker startOnUsualPort(Path logDir) {
        return start(logDir, FreePorts.preferring(9092));
    }

    private static EmbeddedKafkaBroker start(Path logDir, int port) {
        try {
            boolean temporary = logDir == null;
            Path dir = temporary ? Files.createTempDirectory("illajwala-kafka") : Files.createDirectories(logDir);
            EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dir, temporary, port);
            broker.start();
            return broker;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create the Kafka log directory", e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        KafkaConfig config = new KafkaConfig(properties(), false);
        format();
        KafkaRaftServer raftServer = new KafkaRaftServer(config, Time.SYSTEM);
        raftServer.startup();
        server = raftServer;
    }

    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }

    @Override
    public void close() {
        stop();
        if (deleteOnClose) {
            FileTrees.delete(logDir);
        }
    }

    private Map<String, Object> properties() {
        Map<String, Object> props = new HashMap<>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDir.toString());
        props.put("num.partitions", "3");
        props.put("auto.create.topics.enable", "true");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("log.segment.bytes", String.valueOf(16 * 1024 * 1024));
        props.put("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
        props.put("num.network.threads", "2");
        props.put("num.io.threads", "2");
        props.put("background.threads", "2");
        props.put("log.flush.interval.messages", String.valueOf(Long.MAX_VALUE));
        return props;
    }

    private void format() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new Formatter()
                    .setPrintStream(new PrintStream(out))
                    .setClusterId(clusterId())
                    .setNodeId(1)
                    .setDirectories(List.of(logDir.toString()))
                    .setMetadataLogDirectory(logDir.toString())
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setControllerListenerName("CONTROLLER")
                    .setIgnoreFormatted(true)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format the Kafka log directory " + logDir, e);
        }
    }

    /** A formatted directory keeps its cluster id in meta.properties; a restart must use the same one. */
    private String clusterId() throws IOException {
        Path meta = logDir.resolve("meta.properties");
        if (Files.exists(meta)) {
            Properties properties = new Properties();
            try (var in = Files.newInputStream(meta)) {
                properties.load(in);
            }
            return properties.getProperty("cluster.id");
        }
        return Uuid.randomUuid().toString();
    }
}
