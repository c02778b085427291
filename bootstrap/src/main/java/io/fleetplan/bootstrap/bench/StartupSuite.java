package io.fleetplan.bootstrap.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Issue 6: time from process start to the first served {@code GET /health} and resident memory
 * (VmRSS) right after, for {@code java -jar fleetplan.jar serve} on H2, as a child process; median of
 * several starts on a fresh directory (the schema is created) and on an existing, migrated one (a
 * restart, a server's usual start).
 */
final class StartupSuite {
    private static final Duration GIVE_UP = Duration.ofSeconds(120);

    private final BenchOptions options;
    private final PrintStream log;

    StartupSuite(BenchOptions options, PrintStream log) {
        this.options = options;
        this.log = log;
    }

    List<Table> run() throws Exception {
        Path jar = options.jar().orElseGet(StartupSuite::defaultJar).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no runnable jar at " + jar + ": build it (mvn -pl bootstrap -am package)"
                    + " or pass --jar");
        }
        int starts = options.starts();
        Table table = new Table("Server start-up (startup)", "data directory", "starts",
                "to first GET /health, median ms", "min ms", "max ms", "VmRSS after start, median MiB", "max MiB");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();

        log.println("  fresh data directory (the schema is created):");
        Sample fresh = new Sample(starts);
        for (int i = 0; i < starts; i++) {
            Path dir = Files.createTempDirectory("fleetplan-bench-start-");
            try {
                fresh.add(i, start(client, jar, dir));
            } finally {
                Bench.deleteTree(dir);
            }
        }
        fresh.row(table, "fresh (schema created)");

        log.println("  existing, migrated data directory (a restart):");
        Sample restart = new Sample(starts);
        Path dir = Files.createTempDirectory("fleetplan-bench-restart-");
        try {
            start(client, jar, dir);
            for (int i = 0; i < starts; i++) {
                restart.add(i, start(client, jar, dir));
            }
        } finally {
            Bench.deleteTree(dir);
        }
        restart.row(table, "existing (restart)");

        table.note("`" + String.join(" ", List.of("java", "-jar", jar.getFileName().toString(), "serve", "--port",
                "P", "--data-dir", "D")) + "` as a child process, default JVM options; time from just"
                + " before the process is started to the first 200 from GET /health (polled every 10 ms); VmRSS"
                + " read from /proc/<pid>/status at that moment. Fresh: a new directory each start. Existing: one"
                + " directory, migrated by a first start that is not counted, then started again each time.");
        table.note("Goal (issue 6): <= 2 s and <= 256 MiB.");
        return List.of(table);
    }

    /** The times and resident sizes of several starts of one kind. */
    private static final class Sample {
        final long[] times;
        final long[] rss;

        Sample(int starts) {
            times = new long[starts];
            rss = new long[starts];
        }

        void add(int i, long[] timeAndRss) {
            times[i] = timeAndRss[0];
            rss[i] = timeAndRss[1];
        }

        void row(Table table, String kind) {
            long[] sortedTimes = times.clone();
            long[] sortedRss = rss.clone();
            Arrays.sort(sortedTimes);
            Arrays.sort(sortedRss);
            int n = times.length;
            table.row(kind, n, Table.millis(sortedTimes[n / 2]), Table.millis(sortedTimes[0]),
                    Table.millis(sortedTimes[n - 1]), sortedRss[n / 2] / 1024, sortedRss[n - 1] / 1024);
        }
    }

    /** Starts the server on {@code dir}'s data directory; returns nanoseconds to the first served request and VmRSS in KiB. */
    private long[] start(HttpClient client, Path jar, Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        int port = freePort();
        List<String> command = List.of(java, "-jar", jar.toString(), "serve", "--port", String.valueOf(port),
                "--data-dir", dir.resolve("data").toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("server.log").toFile()));
        URI health = URI.create("http://127.0.0.1:" + port + "/health");
        long begin = System.nanoTime();
        Process process = builder.start();
        try {
            long time = firstServed(client, health, process, begin) - begin;
            long rss = residentKib(process.pid());
            log.printf(Locale.ROOT, "    %s ms to /health, VmRSS %d MiB%n", Table.millis(time), rss / 1024);
            return new long[] {time, rss};
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static long firstServed(HttpClient client, URI health, Process process, long begin) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).GET().build();
        while (System.nanoTime() - begin < GIVE_UP.toNanos()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + " before serving");
            }
            try {
                HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return System.nanoTime();
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("the server did not answer GET /health within " + GIVE_UP.toSeconds() + " s");
    }

    /** VmRSS of a process in KiB, from /proc. */
    static long residentKib(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS for process " + pid);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The jar this class was loaded from, else bootstrap/target/fleetplan.jar under the working directory. */
    private static Path defaultJar() {
        try {
            Path source = Path.of(StartupSuite.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(source) && source.toString().endsWith(".jar")) {
                return source;
            }
        } catch (Exception ignored) {
            // fall through
        }
        Path here = Path.of("bootstrap", "target", "fleetplan.jar");
        return Files.isRegularFile(here) ? here : Path.of("..", "bootstrap", "target", "fleetplan.jar");
    }
}
