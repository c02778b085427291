package io.fleetplan.bootstrap.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Writes the runnable jar's application class-data archive, at build time (bootstrap's package phase):
 *
 * <pre>
 * java -cp fleetplan.jar io.fleetplan.bootstrap.bench.ClassDataArchive fleetplan.jar fleetplan.jsa
 * </pre>
 *
 * A training run starts {@code java -XX:ArchiveClassesAtExit=... -jar fleetplan.jar serve} on a new data
 * directory (so the schema is created), waits for {@code GET /health}, makes one authenticated API call
 * and stops the server with SIGTERM; the JVM writes the classes it loaded, parsed and verified, and
 * {@code java -XX:SharedArchiveFile=fleetplan.jsa -jar fleetplan.jar serve} maps them instead of loading
 * them again. The archive is written under another name and moved into place only once complete: a
 * truncated archive would crash the JVM that maps it, whereas a missing one, or one of another jar or
 * JDK, is only ignored (the JVM says so and starts without it). The old archive is removed first, so a
 * failed training run leaves none. Exits 1, with the server's output, when training fails.
 */
public final class ClassDataArchive {
    /** The archive's name, beside the jar. */
    static final String FILE_NAME = "fleetplan.jsa";
    private static final Duration GIVE_UP = Duration.ofSeconds(120);

    private ClassDataArchive() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: ClassDataArchive JAR ARCHIVE");
            System.exit(2);
        }
        long began = System.nanoTime();
        Path jar = Path.of(args[0]).toAbsolutePath();
        Path archive = Path.of(args[1]).toAbsolutePath();
        try {
            long bytes = write(jar, archive);
            System.out.printf(Locale.ROOT, "class-data archive %s written (%d MiB) in %.1f s%n", archive, bytes >> 20,
                    (System.nanoTime() - began) / 1e9);
        } catch (IOException | RuntimeException e) {
            System.err.println("the class-data archive was not written: " + e.getMessage());
            System.exit(1);
        }
        System.exit(0);
    }

    /** Trains and writes the archive of {@code jar} to {@code archive}; returns its size in bytes. */
    static long write(Path jar, Path archive) throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no runnable jar at " + jar);
        }
        Path partial = archive.resolveSibling(archive.getFileName() + ".part");
        Files.deleteIfExists(archive);
        Files.deleteIfExists(partial);
        Path dir = Files.createTempDirectory("fleetplan-archive-");
        Path output = dir.resolve("server.log");
        try {
            String token = "archive-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
            int port = StartupSuite.freePort();
            // C1 only: which classes are archived does not depend on the JIT, and without C2 the
            // training run and its dump take about a third less CPU.
            List<String> command = new ArrayList<>(StartupSuite.serveCommand(jar,
                    List.of("-XX:ArchiveClassesAtExit=" + partial, "-XX:TieredStopAtLevel=1"), port,
                    dir.resolve("data")));
            command.addAll(List.of("--bootstrap-token", token));
            Process server = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            try {
                HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
                URI base = URI.create("http://127.0.0.1:" + port);
                StartupSuite.firstServed(client, base.resolve("/health"), server, System.nanoTime(), GIVE_UP);
                HttpResponse<Void> regions = client.send(HttpRequest.newBuilder(base.resolve("/api/v1/regions"))
                        .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (regions.statusCode() != 200) {
                    throw new IllegalStateException("GET /api/v1/regions answered " + regions.statusCode());
                }
            } finally {
                server.destroy();
                if (!server.waitFor(GIVE_UP.toSeconds(), TimeUnit.SECONDS)) {
                    server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    Files.deleteIfExists(partial);
                }
            }
            if (!Files.isRegularFile(partial) || Files.size(partial) == 0) {
                throw new IllegalStateException("the training run wrote no archive (exit code " + server.exitValue()
                        + ")");
            }
            Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return Files.size(archive);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            String printed = Files.isRegularFile(output) ? Files.readString(output) : "";
            throw new IllegalStateException(e.getMessage() + "; the training server printed:\n" + printed, e);
        } finally {
            Bench.deleteTree(dir);
        }
    }
}
