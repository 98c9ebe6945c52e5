package com.illajwala.infrastructure;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * How the embedded MongoDB-wire server's file keeps documents: as BSON, the format they arrive in,
 * behind a tag byte that H2's own {@link ObjectDataType} never writes. H2's default turns each
 * document into Java serialization, which cost a fifth of the platform's CPU under a booking load
 * (writing every read-model update, reading pages back). A value written before this type, without
 * the tag, is still read through H2's default.
 */
final class BsonDocumentType extends BasicDataType<Document> {

    static final BsonDocumentType INSTANCE = new BsonDocumentType();

    /** Outside every tag of {@link ObjectDataType} (0–127). */
    private static final byte BSON = (byte) 0xB5;
    private static final ObjectDataType EARLIER = new ObjectDataType();

    private BsonDocumentType() {
    }

    @Override
    public int getMemory(Document document) {
        return 64 + 48 * document.size();
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf bson = Unpooled.buffer(256);
        try {
            BsonEncoder.encodeDocument(document, bson);
            buffer.put(BSON).put(bson.nioBuffer());
        } finally {
            bson.release();
        }
    }

    @Override
    public Document read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON) {
            return (Document) EARLIER.read(buffer);
        }
        buffer.get();
        int length = Integer.reverseBytes(buffer.getInt(buffer.position()));
        byte[] bson = new byte[length];
        buffer.get(bson);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    /** Values are only ever compared for equality (a conditional replace). */
    @Override
    public int compare(Document a, Document b) {
        return Objects.equals(a, b) ? 0 : 1;
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
