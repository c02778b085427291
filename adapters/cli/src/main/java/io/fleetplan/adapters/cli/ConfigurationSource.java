package io.fleetplan.adapters.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Settings that were not given as flags: from the environment ({@code FLEETPLAN_PORT} for
 * {@code --port}), then from a properties file ({@code port=8080}), then the option's default.
 * The file is {@code --config FILE}, else {@code $FLEETPLAN_CONFIG}, else {@code ./fleetplan.properties}
 * when it exists.
 */
final class ConfigurationSource implements CommandLine.IDefaultValueProvider {
    private final Map<String, String> environment;
    private final Properties file;
    private final Optional<Path> filePath;

    private ConfigurationSource(Map<String, String> environment, Properties file, Optional<Path> filePath) {
        this.environment = environment;
        this.file = file;
        this.filePath = filePath;
    }

    static ConfigurationSource load(String[] args, Map<String, String> environment, Path workingDirectory) {
        Optional<Path> path = configFlag(args).map(Path::of)
                .or(() -> Optional.ofNullable(environment.get("FLEETPLAN_CONFIG")).filter(s -> !s.isBlank()).map(Path::of))
                .or(() -> Optional.of(workingDirectory.resolve("fleetplan.properties")).filter(Files::isRegularFile));
        Properties properties = new Properties();
        if (path.isPresent()) {
            if (!Files.isRegularFile(path.get())) {
                throw new ConfigurationException("configuration file " + path.get() + " does not exist");
            }
            try (Reader reader = Files.newBufferedReader(path.get())) {
                properties.load(reader);
            } catch (IOException | IllegalArgumentException e) {
                throw new ConfigurationException("configuration file " + path.get() + " cannot be read: "
                        + e.getMessage());
            }
        }
        return new ConfigurationSource(environment, properties, path);
    }

    private static Optional<String> configFlag(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) {
                return Optional.of(args[i + 1]);
            }
            if (args[i].startsWith("--config=")) {
                return Optional.of(args[i].substring("--config=".length()));
            }
        }
        return Optional.empty();
    }

    /** A configuration file that is missing or unreadable. */
    static final class ConfigurationException extends RuntimeException {
        ConfigurationException(String message) {
            super(message);
        }
    }

    @Override
    public String defaultValue(CommandLine.Model.ArgSpec argSpec) {
        if (!argSpec.isOption()) {
            return null;
        }
        String name = ((CommandLine.Model.OptionSpec) argSpec).longestName().replaceFirst("^--", "");
        String env = environment.get(environmentName(name));
        if (env != null && !env.isBlank()) {
            return env;
        }
        String fromFile = file.getProperty(name);
        return fromFile != null ? fromFile.trim() : argSpec.defaultValue();
    }

    static String environmentName(String option) {
        return "FLEETPLAN_" + option.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    Optional<Path> filePath() {
        return filePath;
    }
}
