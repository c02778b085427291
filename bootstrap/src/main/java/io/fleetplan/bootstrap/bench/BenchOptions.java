package io.fleetplan.bootstrap.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The options every suite reads. {@code --quick} shrinks every suite to a few seconds (a smoke run,
 * not a measurement); the other options override one figure at a time.
 *
 * @param quick        short windows and small sizes
 * @param jdbcUrl      a PostgreSQL database to measure (the suite creates, and afterwards drops, a
 *                     scratch database beside it)
 * @param stores       which stores the stores suite measures: memory, h2, postgres
 * @param warmupMillis warm-up before each measured window
 * @param jitWarmupMillis load a store or a server takes, not measured, before its first measured window:
 *                     the JIT compiles the hot paths while the load runs, and on two cores that takes
 *                     tens of seconds of it
 * @param measureMillis length of each measured window
 * @param spreadPools  pools the load is spread over (the other case is one hot pool)
 * @param drainOrders  pending orders in the drain measurement
 * @param drainGpus    GPUs the activated servers bring in the drain measurement
 * @param starts       server starts in the startup suite
 * @param jar          the runnable jar the startup suite starts
 * @param httpStore    the store behind the http suite's server: h2 (default) or memory
 * @param url          a running server for the http suite to drive, instead of one it starts
 * @param token        the bearer token for {@code url}
 */
record BenchOptions(boolean quick, Optional<String> jdbcUrl, String jdbcUser, String jdbcPassword, List<String> stores,
                    long warmupMillis, long jitWarmupMillis, long measureMillis, int spreadPools, int drainOrders, long drainGpus, int starts,
                    Optional<Path> jar, String httpStore, Optional<String> url, Optional<String> token) {

    static final String USAGE = """
            usage: Bench <stores|http|planning|startup|all> [options]
              --quick                 every suite in a few seconds (smoke run; figures are not measurements)
              --jdbc-url URL          also measure PostgreSQL (stores suite); a scratch database is created beside it
              --jdbc-user USER        (default postgres)     --jdbc-password PASSWORD (default empty)
              --stores a,b,c          of memory, h2, postgres (default: memory, h2, and postgres with --jdbc-url)
              --warmup-ms N           warm-up before each window      --measure-ms N   each measured window
              --jit-warmup-ms N       load before a store's or the server's first window (default 30000)
              --pools N               pools the spread load goes over (default 100)
              --drain-orders N        pending orders to drain (default 100000)
              --drain-gpus N          GPUs the activated servers bring (default 50000)
              --starts N              server starts for the startup suite (default 5)
              --jar PATH              the runnable jar (default: the jar this class runs from, else bootstrap/target/fleetplan.jar)
              --store h2|memory       the store behind the http suite's server (default h2)
              --url URL --token T     the http suite drives the running server at URL (http://host:port)
                                      with bearer token T (operator or admin), on the pools it has
            """;

    /** Operations a measured window must hold at least: a few per thread in a quick run, enough for a p99 otherwise. */
    int minOperations(int threads) {
        return quick ? 2 * threads : Math.max(200, 20 * threads);
    }

    static BenchOptions parse(List<String> args) {
        boolean quick = args.contains("--quick");
        String url = null;
        String user = "postgres";
        String password = "";
        List<String> stores = null;
        Long warmup = null;
        Long jitWarmup = null;
        Long measure = null;
        Integer orders = null;
        Integer pools = null;
        Long gpus = null;
        Integer starts = null;
        Path jar = null;
        String httpStore = "h2";
        String serverUrl = null;
        String token = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--quick" -> { }
                case "--jdbc-url" -> url = value(args, ++i, arg);
                case "--jdbc-user" -> user = value(args, ++i, arg);
                case "--jdbc-password" -> password = value(args, ++i, arg);
                case "--stores" -> stores = List.of(value(args, ++i, arg).split(","));
                case "--warmup-ms" -> warmup = Long.parseLong(value(args, ++i, arg));
                case "--jit-warmup-ms" -> jitWarmup = Long.parseLong(value(args, ++i, arg));
                case "--measure-ms" -> measure = Long.parseLong(value(args, ++i, arg));
                case "--pools" -> pools = Integer.parseInt(value(args, ++i, arg));
                case "--drain-orders" -> orders = Integer.parseInt(value(args, ++i, arg));
                case "--drain-gpus" -> gpus = Long.parseLong(value(args, ++i, arg));
                case "--starts" -> starts = Integer.parseInt(value(args, ++i, arg));
                case "--jar" -> jar = Path.of(value(args, ++i, arg));
                case "--store" -> httpStore = value(args, ++i, arg);
                case "--url" -> serverUrl = value(args, ++i, arg);
                case "--token" -> token = value(args, ++i, arg);
                default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
            }
        }
        if (stores == null) {
            List<String> chosen = new ArrayList<>(List.of("memory", "h2"));
            if (url != null) {
                chosen.add("postgres");
            }
            stores = List.copyOf(chosen);
        }
        for (String store : stores) {
            if (!List.of("memory", "h2", "postgres").contains(store)) {
                throw new IllegalArgumentException("unknown store " + store + " (memory, h2, postgres)");
            }
        }
        if (!List.of("memory", "h2").contains(httpStore)) {
            throw new IllegalArgumentException("unknown store " + httpStore + " for the http suite (h2, memory)");
        }
        if (stores.contains("postgres") && url == null) {
            throw new IllegalArgumentException("the postgres store needs --jdbc-url (bench/postgres.sh start prints one)");
        }
        return new BenchOptions(quick, Optional.ofNullable(url), user, password, stores,
                warmup != null ? warmup : quick ? 100 : 2_000,
                jitWarmup != null ? jitWarmup : quick ? 200 : 30_000,
                measure != null ? measure : quick ? 300 : 5_000,
                pools != null ? pools : quick ? 10 : 100,
                orders != null ? orders : quick ? 2_000 : 100_000,
                gpus != null ? gpus : quick ? 1_000 : 50_000,
                starts != null ? starts : quick ? 1 : 5,
                Optional.ofNullable(jar), httpStore, Optional.ofNullable(serverUrl), Optional.ofNullable(token));
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args.get(index);
    }
}
