package dev.switchboard.app.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * CPU time used so far by one thread of this process (the FX thread), by this whole process and by a
 * child process (the server), to tell over a period how busy each was: a frame can be late because
 * its thread had work, or because the machine's cores were taken.
 */
final class CpuTimes {
    private final long threadId;
    private final java.util.function.Predicate<ProcessHandle> isTheChild;

    /** @param childMarker a string found in the child process's command line (its data directory) */
    CpuTimes(long threadId, String childMarker) {
        this.threadId = threadId;
        this.isTheChild = p -> commandLineHolds(p, childMarker);
    }

    /** For the child whose process id is {@code childPid}. */
    CpuTimes(long threadId, long childPid) {
        this.threadId = threadId;
        this.isTheChild = p -> p.pid() == childPid;
    }

    /**
     * CPU nanoseconds so far: the thread, this process, the child (-1 where it cannot be read); and the
     * machine's busy and total ticks over all cores from /proc/stat (-1 without it).
     */
    record Sample(long wallNanos, long thread, long process, long child, long machineBusy, long machineTotal) {
        /**
         * Per cent of one core over the time between {@code earlier} and this sample for the thread,
         * this process and the child; then the machine's busy share of all its cores.
         */
        double[] percentSince(Sample earlier) {
            double wall = wallNanos - earlier.wallNanos;
            long ticks = machineTotal - earlier.machineTotal;
            double machine = machineTotal < 0 || earlier.machineTotal < 0 || ticks <= 0 ? -1
                    : 100.0 * (machineBusy - earlier.machineBusy) / ticks;
            return new double[] {pct(thread, earlier.thread, wall), pct(process, earlier.process, wall),
                    pct(child, earlier.child, wall), machine};
        }

        private static double pct(long now, long before, double wall) {
            return now < 0 || before < 0 || wall <= 0 ? -1 : 100.0 * (now - before) / wall;
        }
    }

    /**
     * Per cent of one core the server (the child) and this process (the load generator) used between
     * two samples, and the busy share of all the machine's cores (-1 where it cannot be read).
     */
    record Shares(double serverPercent, double generatorPercent, double machinePercent) {
        static Shares between(Sample from, Sample to) {
            double[] p = to.percentSince(from);
            return new Shares(p[2], p[1], p[3]);
        }

        void addTo(com.fasterxml.jackson.databind.node.ObjectNode entry) {
            entry.put("serverCpuPercent", Bench.round(serverPercent));
            entry.put("generatorCpuPercent", Bench.round(generatorPercent));
            entry.put("machineCpuPercent", Bench.round(machinePercent));
        }
    }

    Sample sample() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long thread = threads.isThreadCpuTimeSupported() ? threads.getThreadCpuTime(threadId) : -1;
        long process = -1;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            process = os.getProcessCpuTime();
        }
        long child = ProcessHandle.current().children().filter(isTheChild)
                .findFirst().flatMap(p -> p.info().totalCpuDuration()).map(Duration::toNanos).orElse(-1L);
        long[] machine = machineTicks();
        return new Sample(System.nanoTime(), thread, process, child, machine[0], machine[1]);
    }

    /** Busy and total ticks of all cores (the first line of /proc/stat; idle and iowait are not busy). */
    private static long[] machineTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {-1, -1};
        }
    }

    /** Read from /proc: ProcessHandle.Info cuts a command line (a long class path) at 4 KiB. */
    private static boolean commandLineHolds(ProcessHandle p, String childMarker) {
        try {
            byte[] cmd = Files.readAllBytes(Path.of("/proc", Long.toString(p.pid()), "cmdline"));
            return new String(cmd, StandardCharsets.UTF_8).contains(childMarker);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
