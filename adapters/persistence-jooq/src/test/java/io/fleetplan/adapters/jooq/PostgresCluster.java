package io.fleetplan.adapters.jooq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL 15 cluster for the tests, started once per test JVM from the installed
 * binaries (initdb, pg_ctl) on a free loopback port, with its data directory under target/, and
 * stopped (immediate mode) and deleted when the JVM exits. Never skipped: without the binaries the
 * tests fail, saying what to install. As root, the server runs as the {@code postgres} OS user.
 */
final class PostgresCluster {
    private static final String DEFAULT_BIN = "/usr/lib/postgresql/15/bin";
    private static PostgresCluster shared;

    private final Path bin;
    private final Path base;
    private final Path data;
    private final int port;
    private final boolean asPostgresUser;
    private final AtomicInteger databases = new AtomicInteger();

    private PostgresCluster(Path bin, Path base, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.base = base;
        this.data = base.resolve("data");
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** The cluster of this test JVM, started on first use. */
    static synchronized PostgresCluster shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    private static PostgresCluster start() {
        Path bin = Paths.get(System.getProperty("fleetplan.pg.bin", System.getenv().getOrDefault("FLEETPLAN_PG_BIN",
                DEFAULT_BIN)));
        if (!Files.isExecutable(bin.resolve("initdb")) || !Files.isExecutable(bin.resolve("pg_ctl"))) {
            throw new IllegalStateException("PostgreSQL 15 server binaries (initdb, pg_ctl) are not in " + bin
                    + ": install them (Debian: apt-get install postgresql-15) or point -Dfleetplan.pg.bin at them."
                    + " The database store's PostgreSQL tests cannot run without them.");
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        Path base = Paths.get("target").toAbsolutePath().resolve("pg-" + ProcessHandle.current().pid());
        try {
            deleteTree(base);
            Files.createDirectories(base.resolve("sock"));
            PostgresCluster cluster = new PostgresCluster(bin, base, freePort(), root);
            if (root) {
                run(List.of("chown", "-R", "postgres:postgres", base.toString()), base.resolve("chown.log"));
            }
            cluster.initAndStart();
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::stop, "stop-test-postgres"));
            return cluster;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the test PostgreSQL cluster in " + base, e);
        }
    }

    private void initAndStart() throws IOException {
        Path log = base.resolve("server.log");
        run(asOwner(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "-A", "trust",
                "-E", "UTF8", "--locale=C", "--no-sync")), base.resolve("initdb.log"));
        String options = "-p " + port + " -k " + base.resolve("sock") + " -c listen_addresses=127.0.0.1"
                + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
                + " -c shared_buffers=64MB";
        run(asOwner(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", log.toString(), "-w",
                "-t", "60", "-o", options, "start")), base.resolve("pg_ctl.log"));
    }

    private List<String> asOwner(List<String> command) {
        if (!asPostgresUser) {
            return command;
        }
        List<String> out = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        out.addAll(command);
        return out;
    }

    private static void run(List<String> command, Path output) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in 120 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
        if (process.exitValue() != 0) {
            String log = Files.exists(output) ? Files.readString(output) : "";
            throw new IllegalStateException(String.join(" ", command) + " failed with exit code "
                    + process.exitValue() + ":\n" + log);
        }
    }

    private void stop() {
        try {
            run(asOwner(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w",
                    "stop")), base.resolve("stop.log"));
        } catch (IOException | RuntimeException ignored) {
            // best effort at exit
        }
        try {
            deleteTree(base);
        } catch (IOException ignored) {
            // best effort at exit
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    static String user() {
        return "postgres";
    }

    /** A new, empty database in the cluster; returns its JDBC URL. */
    String createDatabase(String prefix) {
        String name = prefix + "_" + databases.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url("postgres"), user(), "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return url(name);
    }
}
