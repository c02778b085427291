package io.fleetplan.bootstrap.dashboard;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code fleetplan demo --store memory} in its own JVM, started exactly as a user starts it (the
 * public {@code Main} on this module's test classpath, which holds the dashboard), on a free port.
 * A separate process, so that a test can also take the server away and watch the dashboard cope.
 */
final class DemoServer implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

    private final Process process;
    private final String url;
    private final List<String> output;

    private DemoServer(Process process, String url, List<String> output) {
        this.process = process;
        this.url = url;
        this.output = output;
    }

    /** Starts the demo with {@code adminSecret} as the bootstrap admin token and waits until /health answers. */
    static DemoServer start(String adminSecret, Path workDir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "io.fleetplan.bootstrap.Main",
                "demo", "--store", "memory", "--host", "127.0.0.1", "--port", "0", "--bootstrap-token", adminSecret)
                .directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("FLEETPLAN_"));
        Process process = builder.start();
        List<String> output = new CopyOnWriteArrayList<>();
        CompletableFuture<String> url = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    output.add(line);
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        url.complete(m.group(1));
                    }
                }
            } catch (IOException ignored) {
                // the process went away
            } finally {
                url.completeExceptionally(new IllegalStateException("the demo server stopped before listening"));
            }
        }, "demo-server-output");
        reader.setDaemon(true);
        reader.start();
        String base;
        try {
            base = url.get(120, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("the demo server did not start: " + String.join("\n", output), e);
        }
        DemoServer server = new DemoServer(process, base, output);
        server.awaitHealth(Duration.ofSeconds(60));
        return server;
    }

    String url() {
        return url;
    }

    String output() {
        return String.join("\n", output);
    }

    private void awaitHealth(Duration within) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(url + "/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not answering yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the demo server never answered /health: " + output());
    }

    /** Stops the server as Ctrl-C does (requests under way finish), forcibly if it takes too long. */
    void stop() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    boolean running() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
