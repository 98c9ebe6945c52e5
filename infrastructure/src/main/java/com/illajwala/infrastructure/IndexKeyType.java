package com.illajwala.infrastructure;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * How the embedded MongoDB-wire server's file keeps index keys ({@link KeyValue}s, e.g. a document's
 * {@code _id}). H2's default knows no such type, so it compared two keys by writing both out with Java
 * serialization and comparing the bytes — on every step of every index lookup — and read each key of
 * a loaded page back with Java deserialization: under a booking load, a tenth of the platform's CPU.
 *
 * <p>The order stays the one the file was written in: for keys of one ASCII string (every id the
 * platform makes) it is computed directly, and it is the order of their serialized forms (the string's
 * length first, then its bytes) — a test holds the two together; any other key is still compared
 * through its serialized form. Keys of strings are written as the strings behind a tag byte that H2's
 * {@link ObjectDataType} never writes; any other key, and every key of an earlier file, is read and
 * written as before.
 */
final class IndexKeyType extends ObjectDataType {

    /** Outside every tag of {@link ObjectDataType} (0–127) and apart from {@link BsonDocumentType}'s. */
    private static final byte STRINGS = (byte) 0xB6;
    /** Java serialization writes a longer string in another form. */
    private static final int LONGEST_SHORT_STRING = 0xFFFF;

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue first && b instanceof KeyValue second) {
            String one = asciiOnly(first);
            String other = asciiOnly(second);
            if (one != null && other != null) {
                return one.length() != other.length() ? Integer.compare(one.length(), other.length()) : Integer.signum(one.compareTo(other));
            }
        }
        return super.compare(a, b);
    }

    /** The key's only value when it is a string of ASCII characters other than NUL, else {@code null}. */
    private static String asciiOnly(KeyValue key) {
        if (key.size() != 1 || !(key.get(0) instanceof String value) || value.length() > LONGEST_SHORT_STRING) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0 || c > 127) {
                return null;
            }
        }
        return value;
    }

    @Override
    public int getMemory(Object key) {
        return key instanceof KeyValue value ? 48 + value.stream().mapToInt(v -> v instanceof String s ? 40 + 2 * s.length() : 64).sum()
                : super.getMemory(key);
    }

    @Override
    public void write(WriteBuffer buffer, Object key) {
        if (key instanceof KeyValue value && value.stream().allMatch(String.class::isInstance)) {
            buffer.put(STRINGS).putVarInt(value.size());
            value.forEach(string -> {
                String s = (String) string;
                buffer.putVarInt(s.length()).putStringData(s, s.length());
            });
        } else {
            super.write(buffer, key);
        }
    }

    @Override
    public Object read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != STRINGS) {
            return super.read(buffer);
        }
        buffer.get();
        int size = DataUtils.readVarInt(buffer);
        List<String> strings = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            strings.add(DataUtils.readString(buffer, DataUtils.readVarInt(buffer)));
        }
        return new KeyValue(strings);
    }
}
