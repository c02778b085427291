package io.fleetplan.bootstrap.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** The runnable jar as a real child process: started with arguments, read line by line, stopped with a signal. */
final class FleetplanProcess implements AutoCloseable {
    final Process process;
    final List<String> out = new CopyOnWriteArrayList<>();
    final long startedNanos;

    private FleetplanProcess(Process process, long startedNanos) {
        this.process = process;
        this.startedNanos = startedNanos;
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    out.add(line);
                }
            } catch (IOException e) {
                out.add("(output closed: " + e.getMessage() + ")");
            }
        }, "fleetplan-output");
        reader.setDaemon(true);
        reader.start();
    }

    static Path jar() {
        Path jar = Path.of(System.getProperty("fleetplan.jar", "target/fleetplan.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the runnable jar " + jar + " is not built: run mvn verify");
        }
        return jar;
    }

    static FleetplanProcess start(Map<String, String> env, String... args) throws IOException {
        return startIn(Path.of("").toAbsolutePath(), env, args);
    }

    /** Starts the jar with {@code directory} as its working directory. */
    static FleetplanProcess startIn(Path directory, Map<String, String> env, String... args) throws IOException {
        return startIn(directory, List.of(), env, args);
    }

    /** Starts the jar with {@code directory} as its working directory and {@code jvmOptions} before {@code -jar}. */
    static FleetplanProcess startIn(Path directory, List<String> jvmOptions, Map<String, String> env, String... args)
            throws IOException {
        return startJar(jar(), directory, jvmOptions, env, args);
    }

    /** Starts {@code jar} (the runnable jar, or a copy of it) as {@link #startIn} does. */
    static FleetplanProcess startJar(Path jar, Path directory, List<String> jvmOptions, Map<String, String> env,
                                     String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(directory.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("FLEETPLAN_"));
        builder.environment().putAll(env);
        long started = System.nanoTime();
        return new FleetplanProcess(builder.start(), started);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Waits for a line containing {@code text}; returns it. */
    String await(String text, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            for (String line : out) {
                if (line.contains(text)) {
                    return line;
                }
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("fleetplan exited with " + process.exitValue() + ": " + out);
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("no line with '" + text + "' within " + seconds + " s: " + out);
    }

    /** Resident memory of the process in KiB, from /proc (Linux). */
    long residentKib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    /** SIGTERM, then waits for the exit code. */
    int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("fleetplan did not stop within 60 s of SIGTERM");
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
