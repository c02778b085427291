package io.fleetplan.adapters.cli;

import io.fleetplan.domain.shared.DomainException;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * The command line: {@code serve}, {@code demo}, {@code migrate}, {@code token}. Every user mistake
 * (unknown command, bad flag, bad setting) ends with one readable line on standard error and exit
 * code 2; a failure the user can fix at run time (unreachable database, refused request) with one
 * line and exit code 1; never a stack trace.
 */
public final class FleetplanCli {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private final CliRuntime runtime;
    private final Clock clock;
    private final Map<String, String> environment;
    private final Path workingDirectory;

    public FleetplanCli(CliRuntime runtime, Clock clock, Map<String, String> environment, Path workingDirectory) {
        this.runtime = runtime;
        this.clock = clock;
        this.environment = Map.copyOf(environment);
        this.workingDirectory = workingDirectory;
    }

    /** Runs one command line; returns the exit code. */
    public int run(String[] args, PrintWriter out, PrintWriter err) {
        ConfigurationSource configuration;
        try {
            configuration = ConfigurationSource.load(args, environment, workingDirectory);
        } catch (ConfigurationSource.ConfigurationException e) {
            err.println("fleetplan: " + e.getMessage());
            err.flush();
            return USAGE;
        }
        Commands.Context context = new Commands.Context(runtime, clock);
        CommandLine cli = new CommandLine(new Commands.Root(), new ContextFactory(context));
        cli.setOut(out);
        cli.setErr(err);
        cli.setDefaultValueProvider(configuration);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("fleetplan: " + oneLine(e.getMessage()) + " (see 'fleetplan --help')");
            err.flush();
            return USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof SettingException) {
                err.println("fleetplan: " + e.getMessage());
                err.flush();
                return USAGE;
            }
            String message = e instanceof StartupFailure || e instanceof DomainException
                    || e instanceof io.fleetplan.application.port.in.InvalidCommandException
                    ? e.getMessage() : "unexpected failure (" + e.getClass().getSimpleName() + "); see the log";
            err.println("fleetplan: " + oneLine(message));
            err.flush();
            return FAILED;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ").trim();
    }

    /** Hands the shared context to the commands that need it. */
    private static final class ContextFactory implements CommandLine.IFactory {
        private final Commands.Context context;

        ContextFactory(Commands.Context context) {
            this.context = context;
        }

        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (Commands.NeedsContext.class.isAssignableFrom(type)) {
                K command = CommandLine.defaultFactory().create(type);
                ((Commands.NeedsContext) command).context(context);
                return command;
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
