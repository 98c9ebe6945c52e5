package com.illajwala.infrastructure;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A MongoDB wire-protocol server (mongo-java-server) in this JVM: persisted to an H2 file when a
 * data directory is given, in memory otherwise. Stop and start keep the port and the data.
 *
 * <p>The file store commits each command's changes before the command is answered: H2's MVStore
 * otherwise writes them about a second later, and a JVM killed in that second lost writes it had
 * acknowledged (read-model updates whose Kafka offsets were already committed, sign-ups). Documents
 * are kept as BSON ({@link BsonDocumentType}), index keys in a form that compares without Java
 * serialization ({@link IndexKeyType}).
 */
public final class EmbeddedMongo implements AutoCloseable {

    private final Path dataFile;
    private final int port;
    private MongoServer server;

    private EmbeddedMongo(Path dataFile) {
        this.dataFile = dataFile;
        this.port = FreePorts.find();
    }

    public static EmbeddedMongo start(Path dataDir) {
        try {
            Path file = dataDir == null ? null : Files.createDirectories(dataDir).resolve("illajwala.mv");
            EmbeddedMongo mongo = new EmbeddedMongo(file);
            mongo.start();
            return mongo;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the MongoDB data directory", e);
        }
    }

    public String connectionString(String database) {
        return "mongodb://127.0.0.1:" + port + "/" + database;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        MongoBackend backend = dataFile == null ? new MemoryBackend() : new CommittingH2Backend(dataFile.toString());
        MongoServer mongoServer = new MongoServer(backend);
        mongoServer.bind("127.0.0.1", port);
        server = mongoServer;
    }

    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdownNow();
        server = null;
    }

    @Override
    public void close() {
        stop();
    }

    /** Commits what a command changed before its answer goes out; keeps documents as BSON. */
    private static final class CommittingH2Backend extends H2Backend {

        private static final Set<String> CHANGES_INDEXES = Set.of("createIndexes", "dropIndexes", "deleteIndexes", "create",
                "drop", "dropDatabase", "renameCollection");
        private final ReadWriteLock indexChanges = new ReentrantReadWriteLock();

        CommittingH2Backend(String file) {
            super(file);
        }

        @Override
        protected MongoDatabase openOrCreateDatabase(String databaseName) {
            return new BsonH2Database(databaseName);
        }

        /**
         * The file's collections with their documents as BSON; the map names are the library's own. An
         * inner class: the library's constructor opens the existing collections, before a field of this
         * class could be set, and the outer backend's store is reachable already then.
         */
        private final class BsonH2Database extends H2Database {

            BsonH2Database(String name) {
                super(name, getMvStore(), getCursorRegistry());
            }

            @Override
            protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
                String namespace = getFullCollectionNamespace(collectionName);
                MVMap<Object, Document> documents = getMvStore().openMap("databases." + namespace,
                        new MVMap.Builder<Object, Document>().valueType(BsonDocumentType.INSTANCE));
                MVMap<String, Object> meta = getMvStore().openMap("meta." + namespace);
                return new H2Collection(this, collectionName, options, documents, meta, cursorRegistry);
            }

            /** The library opens the index's map by its name; opened here first, it finds the one with the key type. */
            @Override
            protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                             boolean sparse) {
                getMvStore().openMap(getFullCollectionNamespace(collectionName) + "._index_" + indexName,
                        new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyType()));
                return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
            }
        }

        /**
         * Commands that change a collection's list of indexes run alone: the library keeps that list
         * unsynchronized, and one changing it while another command read or changed it failed with
         * "Unknown error" (a ConcurrentModificationException), as on a start whose consumers create
         * their indexes at once. Every other command runs alongside the rest, as before.
         */
        @Override
        public Document handleCommand(Channel channel, String database, String command, Document query) {
            Lock lock = CHANGES_INDEXES.contains(command) ? indexChanges.writeLock() : indexChanges.readLock();
            lock.lock();
            try {
                Document answer = super.handleCommand(channel, database, command, query);
                if (getMvStore().hasUnsavedChanges()) {
                    commit();
                }
                return answer;
            } finally {
                lock.unlock();
            }
        }
    }
}
