package io.fleetplan.adapters.cli;

import io.fleetplan.domain.shared.DomainException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;

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
    private static final Map<String, Class<?>> LEAF_COMMANDS = leafCommands();

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
        ContextFactory factory = new ContextFactory(context);
        Optional<IntSupplier> oneCommand = oneCommand(args, factory, configuration, out, err);
        int code = oneCommand.isPresent() ? oneCommand.get().getAsInt()
                : configure(new CommandLine(new Commands.Root(), factory), configuration, out, err).execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * The command line of the one command {@code args} names, when it is a command without subcommands
     * ({@code serve}, {@code plan} ...) and its arguments parse without asking for help: picocli then
     * builds the model of that command alone instead of every command's (most of the time picocli
     * takes at start-up). Anything else (no command, help or version, an argument picocli rejects) is
     * empty and goes to the whole model, so that usage and error messages are the same as always.
     * Present, it runs the command and answers its exit code.
     */
    private Optional<IntSupplier> oneCommand(String[] args, ContextFactory factory, ConfigurationSource configuration,
                                            PrintWriter out, PrintWriter err) {
        Class<?> command = args.length == 0 ? null : LEAF_COMMANDS.get(args[0]);
        if (command == null) {
            return Optional.empty();
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        CommandLine cli = configure(new CommandLine(command, factory), configuration, out, err);
        try {
            CommandLine.ParseResult parsed = cli.parseArgs(rest);
            if (parsed.isUsageHelpRequested() || parsed.isVersionHelpRequested()) {
                return Optional.empty();
            }
        } catch (CommandLine.ParameterException e) {
            return Optional.empty();
        }
        return Optional.of(() -> cli.execute(rest));
    }

    /** The root's commands that have no subcommands, by name, read from the root's annotation. */
    private static Map<String, Class<?>> leafCommands() {
        Map<String, Class<?>> commands = new HashMap<>();
        for (Class<?> type : Commands.Root.class.getAnnotation(Command.class).subcommands()) {
            Command command = type.getAnnotation(Command.class);
            if (command.subcommands().length == 0) {
                commands.put(command.name(), type);
                for (String alias : command.aliases()) {
                    commands.put(alias, type);
                }
            }
        }
        return Map.copyOf(commands);
    }

    private CommandLine configure(CommandLine cli, ConfigurationSource configuration, PrintWriter out, PrintWriter err) {
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
        return cli;
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
