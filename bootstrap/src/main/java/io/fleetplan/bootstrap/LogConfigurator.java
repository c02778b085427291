package io.fleetplan.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.pattern.TargetLengthBasedClassNameAbbreviator;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The logging of the runnable jar, set up in code (logback finds this class as a service) rather than
 * read from an XML file, which costs start-up time: one line per event on standard error, as
 * {@code 2026-11-26 10:57:29,502 WARN  i.f.b.Launcher - message}, then the stack trace if any.
 * Quiet by default: warnings and errors only. {@code FLEETPLAN_LOG_LEVEL} (an environment variable or a
 * system property; INFO, DEBUG ...) sets the level of Fleetplan's own loggers, {@code io.fleetplan} and
 * {@code fleetplan.access} (one line per request). A logback configuration file named with
 * {@code -Dlogback.configurationFile} replaces all of this.
 */
public final class LogConfigurator extends ContextAwareBase implements Configurator {
    static final String LEVEL_SETTING = "FLEETPLAN_LOG_LEVEL";

    public LogConfigurator() {
        // found by logback through META-INF/services
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        Line layout = new Line();
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stderr);
        Level level = level(setting(System.getProperty(LEVEL_SETTING), System.getenv(LEVEL_SETTING)));
        context.getLogger("io.fleetplan").setLevel(level);
        context.getLogger("fleetplan.access").setLevel(level);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** The property wins over the environment; unset or blank is no setting. */
    static String setting(String property, String environment) {
        if (property != null && !property.isBlank()) {
            return property;
        }
        return environment != null && !environment.isBlank() ? environment : null;
    }

    /** WARN when unset; otherwise as logback reads a level in a configuration file (an unknown name is DEBUG). */
    static Level level(String setting) {
        return setting == null ? Level.WARN : Level.toLevel(setting.trim());
    }

    /** {@code %d{ISO8601} %-5level %logger{30} - %msg%n}, then the stack trace, without the pattern machinery. */
    static final class Line extends LayoutBase<ILoggingEvent> {
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS", Locale.ROOT)
                .withZone(ZoneId.systemDefault());
        private final TargetLengthBasedClassNameAbbreviator abbreviator = new TargetLengthBasedClassNameAbbreviator(30);

        @Override
        public String doLayout(ILoggingEvent event) {
            StringBuilder line = new StringBuilder(128);
            TIME.formatTo(Instant.ofEpochMilli(event.getTimeStamp()), line);
            String level = event.getLevel().toString();
            line.append(' ').append(level);
            for (int pad = level.length(); pad < 5; pad++) {
                line.append(' ');
            }
            line.append(' ').append(abbreviator.abbreviate(event.getLoggerName())).append(" - ")
                    .append(event.getFormattedMessage()).append(CoreConstants.LINE_SEPARATOR);
            IThrowableProxy failure = event.getThrowableProxy();
            if (failure != null) {
                line.append(ThrowableProxyUtil.asString(failure));
            }
            return line.toString();
        }
    }
}
