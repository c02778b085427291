package io.fleetplan.bootstrap.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Fleetplan's benchmarks, one entry:
 *
 * <pre>
 * java -cp bootstrap/target/fleetplan.jar io.fleetplan.bootstrap.bench.Bench &lt;suite&gt; [options]
 * </pre>
 *
 * Suites: {@code stores} (order admissions per store against the bare JDBC limit, and the backlog
 * drain), {@code http} (order submissions over HTTP), {@code planning} (projection and solver by
 * fleet size), {@code startup} (time to the first served request and resident memory), {@code all}.
 * Tables go to standard output as Markdown; progress goes to standard error.
 */
public final class Bench {
    static final List<String> SUITES = List.of("stores", "http", "planning", "startup");

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            System.out.print(BenchOptions.USAGE);
            System.exit(args.length == 0 ? 2 : 0);
        }
        try {
            run(args, System.out, System.err);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
        System.exit(0);
    }

    /** Runs a suite (or {@code all}), prints its tables to {@code out} and returns them. */
    public static List<Table> run(String[] args, PrintStream out, PrintStream log) throws Exception {
        String suite = args[0];
        List<String> chosen = suite.equals("all") ? SUITES : List.of(suite);
        if (!suite.equals("all") && !SUITES.contains(suite)) {
            throw new IllegalArgumentException("unknown suite " + suite + "\n" + BenchOptions.USAGE);
        }
        BenchOptions options = BenchOptions.parse(Arrays.asList(args).subList(1, args.length));
        List<Table> all = new ArrayList<>();
        for (String name : chosen) {
            String command = "java -cp bootstrap/target/fleetplan.jar " + Bench.class.getName() + " " + name
                    + (args.length > 1 ? " " + String.join(" ", withoutSecrets(args)) : "");
            String machine = Machine.describe();
            log.println("suite " + name + " on " + machine);
            List<Table> tables = switch (name) {
                case "stores" -> new StoresSuite(options, log).run();
                case "http" -> new HttpSuite(options, log).run();
                case "planning" -> new PlanningSuite(options, log).run();
                case "startup" -> new StartupSuite(options, log).run();
                default -> throw new IllegalArgumentException(name);
            };
            for (Table table : tables) {
                table.print(out, command, machine);
            }
            all.addAll(tables);
        }
        return all;
    }

    /** The options as a report prints them: a token or password shown as the variable to put it in. */
    static List<String> withoutSecrets(String[] args) {
        List<String> shown = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
        for (int i = 0; i + 1 < shown.size(); i++) {
            switch (shown.get(i)) {
                case "--token" -> shown.set(i + 1, "$TOKEN");
                case "--jdbc-password" -> shown.set(i + 1, "$PASSWORD");
                default -> { }
            }
        }
        return shown;
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("could not delete " + root + ": " + e.getMessage());
        }
    }
}
