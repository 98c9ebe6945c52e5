package com.illajwala.infrastructure;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

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
