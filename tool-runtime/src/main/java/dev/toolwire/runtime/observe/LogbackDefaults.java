package dev.toolwire.runtime.observe;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.DefaultJoranConfigurator;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.function.Supplier;

/**
 * Logback's configuration for a Toolwire application that brings none: INFO and above, access log
 * included, to standard error as {@code 12:00:00.000 INFO  [thread] logger - message}. Standard
 * error keeps what commands print ({@code tools}, {@code describe --format hamsa}, {@code export})
 * clean on standard output; logback's own fallback would log DEBUG to standard output.
 *
 * <p>Logback finds this class through {@link java.util.ServiceLoader} and asks it before reading
 * any file. When the application has its own configuration (a {@code logback-test.xml} or
 * {@code logback.xml} on the class path, or the {@code logback.configurationFile} system property),
 * this class reads it with logback's own {@link DefaultJoranConfigurator}, exactly as logback would
 * without it: Micronaut's logging system, which re-applies the configuration when {@code logger.*}
 * levels are set, calls only the first configurator it finds, so stepping aside would leave logback
 * with no appender at all. Micronaut's {@code logger.config} property is not seen here; name a file
 * with {@code -Dlogback.configurationFile} instead. Set in code, the default configuration starts
 * about 40 to 70 ms sooner than the same settings read from XML. Without logback on the class path
 * this class is never loaded.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_LOW_PRIORITY)
public final class LogbackDefaults extends ContextAwareBase implements Configurator {

    /** The layout of every line. */
    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n";

    /** Reads the application's own file, if it has one; answers to go on when it has none. */
    private final Supplier<Configurator> applicationFiles;

    /** Used by logback's service loader: the application's file is looked for as logback itself does. */
    public LogbackDefaults() {
        this(DefaultJoranConfigurator::new);
    }

    LogbackDefaults(Supplier<Configurator> applicationFiles) {
        this.applicationFiles = applicationFiles;
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        Configurator files = applicationFiles.get();
        files.setContext(context);
        if (files.configure(context) == ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY) {
            return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(stderr);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
