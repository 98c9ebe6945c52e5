package com.illajwala.infrastructure;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.IndexOptions;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedMongoIT {

    @TempDir
    Path dataDir;

    @Test
    void aDataDirectoryKeepsDocumentsAcrossARestart() {
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dataDir);
             MongoClient client = MongoClients.create(mongo.connectionString("test"))) {
            client.getDatabase("test").getCollection("kept").insertOne(new Document("_id", "a").append("value", 1));
        }
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dataDir);
             MongoClient client = MongoClients.create(mongo.connectionString("test"))) {
            assertThat(client.getDatabase("test").getCollection("kept").find(new Document("_id", "a")).first())
                    .isNotNull()
                    .containsEntry("value", 1);
        }
    }

    @Test
    void everyKindOfValueComesBackAsItWasStoredAfterARestart() {
        Document stored = new Document("_id", "rich").append("int", 7).append("long", 7_000_000_000L).append("double", 0.5)
                .append("text", "Dr Ānika — क्लिनिक").append("when", new Date(1_764_806_400_000L)).append("flag", true)
                .append("nothing", null).append("money", new Decimal128(new BigDecimal("499.50")))
                .append("list", List.of(1, "two", new Document("three", 3)))
                .append("nested", new Document("deeper", new Document("deepest", List.of())));
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dataDir);
             MongoClient client = MongoClients.create(mongo.connectionString("test"))) {
            client.getDatabase("test").getCollection("rich").insertOne(stored);
        }
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dataDir);
             MongoClient client = MongoClients.create(mongo.connectionString("test"))) {
            assertThat(client.getDatabase("test").getCollection("rich").find(new Document("_id", "rich")).first())
                    .isEqualTo(stored);
        }
    }

    @Test
    void documentsAreKeptAsBsonNotJavaSerialization() throws Exception {
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dataDir);
             MongoClient client = MongoClients.create(mongo.connectionString("test"))) {
            client.getDatabase("test").getCollection("kept").insertOne(new Document("_id", "d").append("value", "plain"));
        }
        byte[] file = Files.readAllBytes(dataDir.resolve("illajwala.mv"));
        // Java serialization names the library's document class in every value it writes
        assertThat(new String(file, StandardCharsets.ISO_8859_1)).doesNotContain("de.bwaldvogel.mongo.bson.Document");
    }

    @Test
    void aFileWrittenWithTheLibrarysOwnFormatStillReadsAndItsIndexStillFindsEveryDocument() {
        Path file = dataDir.resolve("illajwala.mv");
        H2Backend library = new H2Backend(file.toString());
        MongoServer server = new MongoServer(library);
        InetSocketAddress address = server.bind();
        List<String> ids = IntStream.range(0, 300).mapToObj(EmbeddedMongoIT::mixedId).toList();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            var old = client.getDatabase("test").getCollection("old");
            old.insertOne(new Document("_id", "e").append("value", 5));
            ids.forEach(id -> old.insertOne(new Document("_id", id)));
        }
        library.commit();
        server.shutdownNow();
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dataDir);
             MongoClient client = MongoClients.create(mongo.connectionString("test"))) {
            var old = client.getDatabase("test").getCollection("old");
            assertThat(old.find(new Document("_id", "e")).first()).containsEntry("value", 5);
            old.updateOne(new Document("_id", "e"), new Document("$set", new Document("value", 6)));
            old.insertOne(new Document("_id", "f"));
            // the keys written in the library's order are found, and refused again, through the new key type
            assertThat(ids).allSatisfy(id -> assertThat(old.find(new Document("_id", id)).first()).isNotNull());
            assertThatThrownBy(() -> old.insertOne(new Document("_id", ids.get(17)))).isInstanceOf(MongoWriteException.class);
        }
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dataDir);
             MongoClient client = MongoClients.create(mongo.connectionString("test"))) {
            var old = client.getDatabase("test").getCollection("old");
            assertThat(old.find(new Document("_id", "e")).first()).containsEntry("value", 6);
            assertThat(old.countDocuments()).isEqualTo(ids.size() + 2);
            assertThat(ids).allSatisfy(id -> assertThat(old.find(new Document("_id", id)).first()).isNotNull());
        }
    }

    /** Ids of many lengths, some with characters outside ASCII: both ways of comparing keys meet in one index. */
    private static String mixedId(int i) {
        String id = "slot-" + Integer.toString(i * 7919, 36).repeat(1 + i % 5);
        return i % 10 == 3 ? id + "-ā" : id;
    }

    @Test
    void indexesCreatedAtOnceFromSeveralClientsWhileOthersQueryAreAllCreated() throws Exception {
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dataDir);
             MongoClient client = MongoClients.create(mongo.connectionString("test"))) {
            var racing = client.getDatabase("test").getCollection("racing");
            for (int i = 0; i < 100; i++) {
                racing.insertOne(new Document("_id", "d" + i).append("a", i));
            }
            ExecutorService clients = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> work = new java.util.ArrayList<>();
                for (int thread = 0; thread < 4; thread++) {
                    int creator = thread;
                    work.add(clients.submit(() -> IntStream.range(0, 25).forEach(i -> racing.createIndex(
                            new Document("u" + creator + "_" + i, 1), new IndexOptions().unique(true).sparse(true)))));
                    work.add(clients.submit(() -> IntStream.range(0, 50).forEach(i ->
                            assertThat(racing.find(new Document("a", i)).first()).isNotNull())));
                }
                for (Future<?> done : work) {
                    done.get(60, TimeUnit.SECONDS);
                }
            } finally {
                clients.shutdownNow();
            }
            assertThat(racing.listIndexes().into(new java.util.ArrayList<>())).hasSize(1 + 4 * 25);
        }
    }

    @Test
    void stopAndStartKeepThePortAndTheData() {
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dataDir)) {
            String address = mongo.connectionString("test");
            try (MongoClient client = MongoClients.create(address)) {
                client.getDatabase("test").getCollection("kept").insertOne(new Document("_id", "b"));
            }
            mongo.stop();
            mongo.start();
            try (MongoClient client = MongoClients.create(mongo.connectionString("test"))) {
                assertThat(mongo.connectionString("test")).isEqualTo(address);
                assertThat(client.getDatabase("test").getCollection("kept").countDocuments()).isEqualTo(1);
            }
        }
    }

    @Test
    void withoutADataDirectoryNothingIsKept() {
        try (EmbeddedMongo mongo = EmbeddedMongo.start(null);
             MongoClient client = MongoClients.create(mongo.connectionString("test"))) {
            client.getDatabase("test").getCollection("gone").insertOne(new Document("_id", "c"));
        }
        try (EmbeddedMongo mongo = EmbeddedMongo.start(null);
             MongoClient client = MongoClients.create(mongo.connectionString("test"))) {
            assertThat(client.getDatabase("test").getCollection("gone").countDocuments()).isZero();
        }
    }
}
