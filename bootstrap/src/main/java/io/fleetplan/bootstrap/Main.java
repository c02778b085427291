package io.fleetplan.bootstrap;

import io.fleetplan.adapters.cli.FleetplanCli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

/** The runnable jar: {@code java -jar fleetplan.jar <command>}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        return new FleetplanCli(new Launcher(Clock.systemUTC()), Clock.systemUTC(), System.getenv(), Path.of(""))
                .run(args, out, err);
    }
}
