package io.fleetplan.adapters.cli;

import io.fleetplan.application.port.in.access.CreatedToken;
import io.fleetplan.application.port.in.access.ManageTokens;
import io.fleetplan.application.port.in.access.TokenView;
import io.fleetplan.domain.shared.Actor;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;

/** The commands. Each is thin: read settings, open what it needs through the runtime, call use cases, print. */
final class Commands {
    private static final Actor CLI = new Actor("cli", "admin");

    private Commands() {
    }

    /** What every command may need: the runtime it opens stores with, and the clock. */
    record Context(CliRuntime runtime, Clock clock) {
    }

    interface NeedsContext {
        void context(Context context);
    }

    abstract static class Base implements Callable<Integer>, NeedsContext {
        @Spec
        CommandLine.Model.CommandSpec spec;
        Context context;

        @Override
        public void context(Context context) {
            this.context = context;
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }
    }

    @Command(name = "fleetplan", mixinStandardHelpOptions = true, version = "Fleetplan 0.1.0",
            description = "Capacity and capex planning for an AI cloud whose orders grow faster than it can deploy servers.",
            subcommands = {Serve.class, Demo.class, PlanCommand.class, TransferCommands.Import.class,
                    TransferCommands.Export.class, Migrate.class, Token.class},
            footer = {"", "Settings come from flags, then FLEETPLAN_* environment variables, then a properties file "
                    + "(--config FILE, $FLEETPLAN_CONFIG or ./fleetplan.properties)."})
    static final class Root implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--config", paramLabel = "FILE", description = "A properties file of settings (port=8080 ...).")
        String config;

        @Override
        public Integer call() {
            spec.commandLine().usage(spec.commandLine().getOut());
            return FleetplanCli.OK;
        }
    }

    static final class ServerOptions {
        @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default 127.0.0.1). Env FLEETPLAN_HOST.")
        String host;

        @Option(names = "--port", defaultValue = "8080", description = "Port to listen on (default 8080; 0 picks a free one). Env FLEETPLAN_PORT.")
        String port;

        @Option(names = "--bootstrap-token", paramLabel = "SECRET", description = "The first admin token, used when the "
                + "store has none (default: a random one, printed once). Env FLEETPLAN_BOOTSTRAP_TOKEN.")
        String bootstrapToken;

        ServerSettings settings() {
            int p;
            try {
                p = Integer.parseInt(port.trim());
            } catch (NumberFormatException e) {
                throw new SettingException("port", port, "a port number from 0 to 65535");
            }
            if (p < 0 || p > 65535) {
                throw new SettingException("port", port, "a port number from 0 to 65535");
            }
            if (host == null || host.isBlank()) {
                throw new SettingException("host", String.valueOf(host), "a host name or IP address");
            }
            if (bootstrapToken != null && (bootstrapToken.length() < 16 || bootstrapToken.length() > 512)) {
                throw new SettingException("bootstrap-token", "(hidden)", "a secret of 16 to 512 characters");
            }
            return new ServerSettings(host.trim(), p, Optional.ofNullable(bootstrapToken));
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the HTTP API (and dashboard).")
    static class Serve extends Base {
        @Mixin
        StoreOptions store;
        @Mixin
        ServerOptions server;

        @Override
        public Integer call() throws InterruptedException {
            StoreSettings storeSettings = store.settings();
            ServerSettings serverSettings = server.settings();
            try (CliRuntime.Session session = context.runtime.openToServe(storeSettings)) {
                beforeServing(session);
                CliRuntime.Server running = context.runtime.serve(session, serverSettings);
                running.createdAdminSecret().ifPresent(secret -> out().println(
                        "admin token (shown once, keep it): " + secret));
                out().println("Fleetplan listening on " + running.url() + " (store: " + storeSettings.describe() + ")");
                out().flush();
                running.awaitShutdown();
            }
            return FleetplanCli.OK;
        }

        void beforeServing(CliRuntime.Session session) {
        }
    }

    @Command(name = "demo", mixinStandardHelpOptions = true,
            description = "Serve with the demo fleet loaded (once) into the store.")
    static final class Demo extends Serve {
        @Override
        void beforeServing(CliRuntime.Session session) {
            boolean loaded = DemoData.loadOnce(session, context.clock);
            out().println(loaded ? "demo data loaded" : "demo data already present");
        }
    }

    @Command(name = "migrate", mixinStandardHelpOptions = true, description = "Apply database migrations and exit.")
    static final class Migrate extends Base {
        @Mixin
        StoreOptions store;

        @Override
        public Integer call() {
            StoreSettings settings = store.settings();
            context.runtime.migrate(settings);
            out().println("migrations applied to " + settings.describe());
            return FleetplanCli.OK;
        }
    }

    @Command(name = "token", mixinStandardHelpOptions = true, description = "Create, list and revoke API tokens.",
            subcommands = {TokenCreate.class, TokenList.class, TokenRevoke.class})
    static final class Token implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().usage(spec.commandLine().getOut());
            return FleetplanCli.USAGE;
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a token and print its secret once.")
    static final class TokenCreate extends Base {
        @Mixin
        StoreOptions store;
        @Parameters(index = "0", paramLabel = "NAME", description = "The token's name.")
        String name;
        @Option(names = "--role", required = true, paramLabel = "ROLE",
                description = "viewer, operator, planner, admin or tenant.")
        String role;
        @Option(names = "--tenant", paramLabel = "TENANT", description = "The tenant a tenant token is bound to.")
        String tenant;

        @Override
        public Integer call() {
            try (CliRuntime.Session session = context.runtime.open(store.settings())) {
                CreatedToken created = session.get(ManageTokens.class).create(CLI,
                        new ManageTokens.Command(name, role.toUpperCase(java.util.Locale.ROOT), tenant));
                out().println("token " + created.token().name() + " (" + created.token().role().toLowerCase()
                        + (created.token().tenant() == null ? "" : ", tenant " + created.token().tenant()) + "): "
                        + created.secret());
            }
            return FleetplanCli.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List tokens (never their secrets).")
    static final class TokenList extends Base {
        @Mixin
        StoreOptions store;

        @Override
        public Integer call() {
            try (CliRuntime.Session session = context.runtime.open(store.settings())) {
                out().printf("%-24s %-9s %-20s %-22s %s%n", "name", "role", "tenant", "created", "revoked");
                for (TokenView t : session.get(ManageTokens.class).tokens()) {
                    out().printf("%-24s %-9s %-20s %-22s %s%n", t.name(), t.role().toLowerCase(),
                            t.tenant() == null ? "-" : t.tenant(), t.createdAt(),
                            t.revokedAt() == null ? "-" : t.revokedAt());
                }
            }
            return FleetplanCli.OK;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token.")
    static final class TokenRevoke extends Base {
        @Mixin
        StoreOptions store;
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            try (CliRuntime.Session session = context.runtime.open(store.settings())) {
                session.get(ManageTokens.class).revoke(CLI, name);
                out().println("token " + name + " revoked");
            }
            return FleetplanCli.OK;
        }
    }
}
