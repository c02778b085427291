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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Issue 6: time from process start to the first served {@code GET /health} and resident memory
 * (VmRSS) right after, for {@code java -jar fleetplan.jar serve} on H2, as a child process; median of
 * several starts on a fresh directory (the schema is created) and on an existing, migrated one (a
 * restart, a server's usual start). When the build's class-data archive ({@link ClassDataArchive}) is
 * beside the jar, every start is also measured with it, as the README runs the server, alternating
 * with the starts without it.
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
        Path archive = jar.resolveSibling(ClassDataArchive.FILE_NAME);
        boolean withArchive = Files.isRegularFile(archive);
        List<List<String>> variants = withArchive ? List.of(List.of(), List.of(archiveOption(archive))) : List.of(List.of());
        int starts = options.starts();
        Table table = new Table("Server start-up (startup)", "data directory", "class-data archive", "starts",
                "to first GET /health, median ms", "min ms", "max ms", "VmRSS after start, median MiB", "max MiB");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();

        log.println("  fresh data directory (the schema is created), " + (withArchive ? "without, then with the"
                + " class-data archive, in turn:" : "no class-data archive beside the jar:"));
        List<Sample> fresh = samples(variants.size(), starts);
        for (int i = 0; i < starts; i++) {
            for (int o = 0; o < variants.size(); o++) {
                Path dir = Files.createTempDirectory("fleetplan-bench-start-");
                try {
                    fresh.get(o).add(i, start(client, jar, variants.get(o), dir));
                } finally {
                    Bench.deleteTree(dir);
                }
            }
        }

        log.println("  existing, migrated data directory (a restart):");
        List<Sample> restart = samples(variants.size(), starts);
        Path dir = Files.createTempDirectory("fleetplan-bench-restart-");
        try {
            start(client, jar, List.of(), dir);
            for (int i = 0; i < starts; i++) {
                for (int o = 0; o < variants.size(); o++) {
                    restart.get(o).add(i, start(client, jar, variants.get(o), dir));
                }
            }
        } finally {
            Bench.deleteTree(dir);
        }
        for (int o = 0; o < variants.size(); o++) {
            fresh.get(o).row(table, "fresh (schema created)", o == 0 ? "no" : "yes");
        }
        for (int o = 0; o < variants.size(); o++) {
            restart.get(o).row(table, "existing (restart)", o == 0 ? "no" : "yes");
        }

        table.note("`" + String.join(" ", List.of("java", "-jar", jar.getFileName().toString(), "serve", "--port",
                "P", "--data-dir", "D")) + "` as a child process, default JVM options; with the archive `java "
                + archiveOption(Path.of(archive.getFileName().toString())) + " -jar ...` (the README's command;"
                + " the build writes " + archive.getFileName() + " beside the jar). Time from just"
                + " before the process is started to the first 200 from GET /health (polled every 10 ms); VmRSS"
                + " read from /proc/<pid>/status at that moment. Fresh: a new directory each start. Existing: one"
                + " directory, migrated by a first start that is not counted, then started again each time."
                + " Starts with and without the archive alternate.");
        if (!withArchive) {
            table.note("No class-data archive at " + archive + ": only starts without it were measured.");
        }
        table.note("Goal (issue 6): <= 2 s and <= 256 MiB.");
        return List.of(table);
    }

    /** The JVM option that maps the class-data archive at {@code archive}. */
    static String archiveOption(Path archive) {
        return "-XX:SharedArchiveFile=" + archive;
    }

    private static List<Sample> samples(int kinds, int starts) {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < kinds; i++) {
            samples.add(new Sample(starts));
        }
        return samples;
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

        void row(Table table, String kind, String archive) {
            long[] sortedTimes = times.clone();
            long[] sortedRss = rss.clone();
            Arrays.sort(sortedTimes);
            Arrays.sort(sortedRss);
            int n = times.length;
            table.row(kind, archive, n, Table.millis(sortedTimes[n / 2]), Table.millis(sortedTimes[0]),
                    Table.millis(sortedTimes[n - 1]), sortedRss[n / 2] / 1024, sortedRss[n - 1] / 1024);
        }
    }

    /**
     * Starts the server on {@code dir}'s data directory with the JVM options {@code jvm}; returns nanoseconds
     * to the first served request and VmRSS in KiB.
     */
    private long[] start(HttpClient client, Path jar, List<String> jvm, Path dir) throws Exception {
        int port = freePort();
        List<String> command = serveCommand(jar, jvm, port, dir.resolve("data"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("server.log").toFile()));
        URI health = URI.create("http://127.0.0.1:" + port + "/health");
        long begin = System.nanoTime();
        Process process = builder.start();
        try {
            long time = firstServed(client, health, process, begin, GIVE_UP) - begin;
            long rss = residentKib(process.pid());
            log.printf(Locale.ROOT, "    %s ms to /health, VmRSS %d MiB%s%n", Table.millis(time), rss / 1024,
                    jvm.isEmpty() ? "" : " (" + String.join(" ", jvm) + ")");
            return new long[] {time, rss};
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** {@code java [jvm options] -jar JAR serve --port PORT --data-dir DATA}, with this JVM's java. */
    static List<String> serveCommand(Path jar, List<String> jvm, int port, Path data) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvm);
        command.addAll(List.of("-jar", jar.toString(), "serve", "--port", String.valueOf(port),
                "--data-dir", data.toString()));
        return command;
    }

    /** Polls {@code health} every 10 ms until it answers 200; returns {@link System#nanoTime()} then. */
    static long firstServed(HttpClient client, URI health, Process process, long begin, Duration giveUp)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).GET().build();
        while (System.nanoTime() - begin < giveUp.toNanos()) {
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
        throw new IllegalStateException("the server did not answer GET /health within " + giveUp.toSeconds() + " s");
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

    static int freePort() throws IOException {
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
