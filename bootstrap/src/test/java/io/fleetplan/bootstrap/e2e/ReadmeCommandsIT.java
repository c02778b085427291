package io.fleetplan.bootstrap.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's commands, taken from README.md as it stands, run as a new user would: the quick
 * start's demo (in a fresh working directory, so the default ./fleetplan-data) with the JVM options the
 * README gives it (the class-data archive the build writes beside the jar), the curl example against
 * it, and every other {@code java -jar bootstrap/target/fleetplan.jar ...} line afterwards.
 */
class ReadmeCommandsIT {
    private static final Pattern JAR = Pattern.compile("java ((?:-XX:\\S+ )*)-jar bootstrap/target/fleetplan\\.jar (.*)");
    private static final String TARGET = "bootstrap/target/";
    private static final String ADMIN = "readme-admin-token-0123456789";

    /** A fleetplan command line of the README: the JVM options before {@code -jar}, and the arguments. */
    record Command(List<String> jvmOptions, List<String> args) {
    }

    /** Every fleetplan command line in the README's shell blocks, in order. */
    static List<Command> commands() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        List<Command> out = new ArrayList<>();
        Matcher block = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        while (block.find()) {
            for (String line : block.group(1).split("\\n")) {
                Matcher command = JAR.matcher(line);
                if (command.find()) {
                    String rest = command.group(2).replaceAll("\\s+#.*$", "").trim();
                    out.add(new Command(split(command.group(1)), split(rest)));
                }
            }
        }
        return out;
    }

    /** The README's paths under bootstrap/target/ as paths beside the jar under test. */
    private static List<String> besideTheJar(List<String> jvmOptions) {
        String target = FleetplanProcess.jar().toAbsolutePath().getParent() + "/";
        return jvmOptions.stream().map(option -> option.replace(TARGET, target)).toList();
    }

    private static List<String> split(String args) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(args);
        while (m.find()) {
            out.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return out;
    }

    @Test
    void everyCommandOfTheReadmeRuns(@TempDir Path workingDirectory) throws Exception {
        List<Command> commands = commands();
        Command quickStart = commands.stream().filter(c -> c.args().equals(List.of("demo"))).findFirst()
                .orElseThrow(() -> new AssertionError("the README's commands have no demo: " + commands));
        int port = FleetplanProcess.freePort();
        try (FleetplanProcess demo = FleetplanProcess.startIn(workingDirectory, besideTheJar(quickStart.jvmOptions()),
                Map.of("FLEETPLAN_PORT", Integer.toString(port), "FLEETPLAN_BOOTSTRAP_TOKEN", ADMIN), "demo")) {
            demo.await("Fleetplan listening on http://127.0.0.1:" + port, 180);
            HttpResponse<String> pools = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/api/v1/pools"))
                    .header("Authorization", "Bearer " + ADMIN).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(pools.statusCode()).isEqualTo(200);
            assertThat(pools.body()).contains("cn-hangzhou/H20");
            assertThat(demo.terminate()).isIn(0, 143);
            assertThat(demo.out).as("the JVM took the options as given").noneMatch(line -> line.contains("[warning]"));
        }
        assertThat(Files.isDirectory(workingDirectory.resolve("fleetplan-data"))).isTrue();
        for (Command command : commands) {
            List<String> args = command.args();
            if (args.get(0).equals("demo") || args.get(0).equals("serve")) {
                continue;
            }
            try (FleetplanProcess p = FleetplanProcess.startIn(workingDirectory, besideTheJar(command.jvmOptions()),
                    Map.of(), args.toArray(String[]::new))) {
                assertThat(p.process.waitFor(180, TimeUnit.SECONDS)).as("%s finished", args).isTrue();
                Thread.sleep(200);
                assertThat(p.process.exitValue()).as("%s: %s", args, p.out).isZero();
                assertThat(p.out).as("%s printed something", args).isNotEmpty();
            }
        }
    }
}
