package com.illajwala.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a simulation measured, by name: latencies and their time span (for the rate), counts, and
 * single figures. Printed at the end of the simulation and appended to the figures file
 * ({@code key<TAB>value} lines) from which {@code ./bench/load} prints its summary table.
 */
final class Figures {

    private record Series(ConcurrentLinkedQueue<Long> millis, AtomicLong first, AtomicLong last) {
    }

    private final Map<String, Series> series = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final Map<String, String> values = Collections.synchronizedMap(new LinkedHashMap<>());

    /** One answered request of the series, {@code millis} after it was sent. */
    void latency(String name, long millis) {
        long now = System.currentTimeMillis();
        Series s = series.computeIfAbsent(name, n -> new Series(new ConcurrentLinkedQueue<>(), new AtomicLong(Long.MAX_VALUE),
                new AtomicLong()));
        s.millis().add(millis);
        s.first().accumulateAndGet(now - millis, Math::min);
        s.last().accumulateAndGet(now, Math::max);
    }

    /** One value of a distribution that has no rate, e.g. a delay measured after the fact. */
    void sample(String name, long millis) {
        series.computeIfAbsent(name, n -> new Series(new ConcurrentLinkedQueue<>(), new AtomicLong(Long.MAX_VALUE),
                new AtomicLong())).millis().add(millis);
    }

    void count(String name) {
        counts.computeIfAbsent(name, n -> new AtomicLong()).incrementAndGet();
    }

    long counted(String name) {
        AtomicLong count = counts.get(name);
        return count == null ? 0 : count.get();
    }

    void value(String name, Object value) {
        values.put(name, String.valueOf(value));
    }

    /** {@code name_n}, {@code name_per_s} (answers over the series' span, for timed requests) and {@code name_p50_ms} … {@code name_p99_ms}. */
    private void summarise(String name, Series s, Map<String, String> into) {
        List<Long> sorted = new ArrayList<>(s.millis());
        Collections.sort(sorted);
        into.put(name + "_n", Integer.toString(sorted.size()));
        if (s.last().get() > 0) {
            double seconds = Math.max(1, s.last().get() - s.first().get()) / 1000.0;
            into.put(name + "_per_s", String.format(Locale.ROOT, "%.1f", sorted.size() / seconds));
        }
        for (double p : new double[] {50, 95, 99}) {
            into.put(name + "_p" + (int) p + "_ms", Long.toString(percentile(sorted, p)));
        }
    }

    static long percentile(List<Long> sorted, double percentile) {
        if (sorted.isEmpty()) {
            return -1;
        }
        return sorted.get(Math.min(sorted.size() - 1, Math.max(0, (int) Math.ceil(percentile / 100 * sorted.size()) - 1)));
    }

    /** Prints every figure and appends it to the figures file. */
    void write(LoadSettings settings) {
        Map<String, String> all = new LinkedHashMap<>();
        series.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> summarise(e.getKey(), e.getValue(), all));
        counts.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> all.put(e.getKey(), e.getValue().toString()));
        all.putAll(values);
        StringBuilder lines = new StringBuilder();
        all.forEach((key, value) -> lines.append(key).append('\t').append(value).append('\n'));
        System.out.print("\n==== figures ====\n" + lines);
        try {
            Path file = Path.of(settings.figures());
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
