package io.fleetplan.bootstrap.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the figures were measured on: cores, load average when the suite began, Java and OS. */
final class Machine {
    private Machine() {
    }

    static String describe() {
        return Runtime.getRuntime().availableProcessors() + " cores (nproc), load average " + loadAverage()
                + " at start; Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name")
                + "); " + System.getProperty("os.name") + " " + System.getProperty("os.arch");
    }

    /** The 1, 5 and 15 minute load averages from /proc/loadavg, or what the JVM reports. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " / " + parts[1] + " / " + parts[2];
        } catch (IOException | RuntimeException e) {
            return String.format(java.util.Locale.ROOT, "%.2f",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }
}
