package com.illajwala.infrastructure;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Which source was chosen for each dependency, and where it answers. */
public final class InfrastructureReport {

    /** How a dependency was resolved. */
    public enum Source { EXPLICIT, LOCAL, TESTCONTAINERS, EMBEDDED }

    /** One resolved dependency. */
    public record Entry(String dependency, Source source, String address) {
        @Override
        public String toString() {
            return dependency + ": " + source.name().toLowerCase() + " at " + address;
        }
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    void add(Entry entry) {
        entries.add(entry);
    }

    public Source sourceOf(String dependency) {
        return entries.stream().filter(e -> e.dependency().equals(dependency)).map(Entry::source).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(dependency + " was not resolved"));
    }
}
