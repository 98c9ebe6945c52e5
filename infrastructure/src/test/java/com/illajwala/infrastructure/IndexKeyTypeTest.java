package com.illajwala.infrastructure;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class IndexKeyTypeTest {

    private final IndexKeyType keys = new IndexKeyType();
    private final ObjectDataType library = new ObjectDataType();

    @Test
    void ordersKeysExactlyAsTheLibrarysSerializedFormDoes() {
        Random random = new Random(42);
        List<KeyValue> samples = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            samples.add(new KeyValue(randomString(random)));
        }
        samples.add(new KeyValue(""));
        samples.add(new KeyValue("a\u0000b"));
        samples.add(new KeyValue("doctor-ā"));
        samples.add(new KeyValue("x".repeat(70_000)));
        samples.add(new KeyValue(7));
        samples.add(new KeyValue("tenant", "id"));
        for (KeyValue a : samples) {
            for (KeyValue b : samples.subList(0, 60)) {
                assertThat(keys.compare(a, b)).as("%s vs %s", a, b).isEqualTo(Integer.signum(library.compare(a, b)));
            }
        }
    }

    @Test
    void keysOfStringsComeBackFromTheirShortFormAndOthersFromTheLibrarysForm() {
        for (KeyValue key : List.of(new KeyValue("dr-anika-mehta"), new KeyValue("क्लिनिक", ""), new KeyValue(7L), new KeyValue("a", 1))) {
            WriteBuffer buffer = new WriteBuffer();
            keys.write(buffer, key);
            assertThat(keys.read(buffer.getBuffer().flip())).isEqualTo(key);
        }
    }

    @Test
    void aKeyWrittenByTheLibraryStillReads() {
        WriteBuffer buffer = new WriteBuffer();
        library.write(buffer, new KeyValue("slot-1"));
        assertThat(keys.read(buffer.getBuffer().flip())).isEqualTo(new KeyValue("slot-1"));
    }

    /** Mostly ASCII ids of similar lengths (the serialized form puts the length first), some beyond ASCII. */
    private static String randomString(Random random) {
        int length = random.nextInt(12);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(random.nextInt(20) == 0 ? (char) (128 + random.nextInt(400)) : (char) (1 + random.nextInt(126)));
        }
        return s.toString();
    }
}
