package com.illajwala.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time of process trees on this machine, from {@code /proc/<pid>/stat}: each living process's
 * user and system time plus what its reaped children used, summed over every descendant of the roots
 * (the platform's JVM and its embedded PostgreSQL, which its start-up leaves to init). Linux only.
 */
final class ProcessCpu {

    /** USER_HZ: what the kernel counts {@code /proc/<pid>/stat} times in; 100 on every Linux this runs on. */
    private static final double TICKS_PER_SECOND = 100;

    private final List<Long> roots;

    ProcessCpu(List<Long> roots) {
        this.roots = roots;
    }

    /** From {@code load.cpu.pids} (comma-separated); none when not set. */
    static ProcessCpu fromSystemProperties() {
        String pids = LoadSettings.property("load.cpu.pids", "");
        return new ProcessCpu(pids.isBlank() ? List.of() : Stream.of(pids.split(",")).map(String::strip).map(Long::parseLong).toList());
    }

    boolean measures() {
        return !roots.isEmpty();
    }

    /** CPU seconds the trees have used so far. */
    double seconds() {
        record Stat(long parent, long ticks) {
        }
        Map<Long, Stat> processes = new HashMap<>();
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            entries.filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(path -> {
                try {
                    String stat = Files.readString(path.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
                            + Long.parseLong(fields[14]);
                    processes.put(Long.parseLong(path.getFileName().toString()), new Stat(Long.parseLong(fields[1]), ticks));
                } catch (IOException | RuntimeException gone) {
                    // a process that ended between the listing and the read
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
        long ticks = 0;
        for (Map.Entry<Long, Stat> process : processes.entrySet()) {
            long pid = process.getKey();
            for (int depth = 0; depth < 64 && processes.containsKey(pid); depth++) {
                if (roots.contains(pid)) {
                    ticks += process.getValue().ticks();
                    break;
                }
                pid = processes.get(pid).parent();
            }
        }
        return ticks / TICKS_PER_SECOND;
    }
}
