package dev.toolwire.runtime.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import io.micronaut.logging.impl.LogbackLoggingSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class LogbackDefaultsTest {

    private static final String CONFIGURATION_FILE_PROPERTY = "logback.configurationFile";

    private final LoggerContext context = new LoggerContext();
    private final String configurationFileBefore = System.getProperty(CONFIGURATION_FILE_PROPERTY);

    @AfterEach
    void restoreProperty() {
        if (configurationFileBefore == null) {
            System.clearProperty(CONFIGURATION_FILE_PROPERTY);
        } else {
            System.setProperty(CONFIGURATION_FILE_PROPERTY, configurationFileBefore);
        }
        context.stop();
    }

    @Test
    void withoutConfiguration_logsInfoAndAboveToStandardError() {
        ExecutionStatus status = new LogbackDefaults(NoFile::new).configure(context);

        assertEquals(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY, status);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertEquals(Level.INFO, root.getLevel());
        List<Appender<ILoggingEvent>> appenders = appenders(root);
        assertEquals(1, appenders.size(), appenders.toString());
        ConsoleAppender<?> console = assertInstanceOf(ConsoleAppender.class, appenders.get(0));
        assertTrue(console.isStarted());
        assertEquals("System.err", console.getTarget());
        assertEquals(LogbackDefaults.PATTERN, assertInstanceOf(PatternLayoutEncoder.class, console.getEncoder()).getPattern());
        Logger access = context.getLogger(AccessLog.LOGGER);
        assertTrue(access.isInfoEnabled());
        assertFalse(access.isDebugEnabled());
    }

    @Test
    void applicationLogbackFile_onTheClassPath_isReadAsLogbackWould() {
        // This module's test class path has a logback-test.xml: root at WARN, one STDERR appender.
        ExecutionStatus status = new LogbackDefaults().configure(context);

        assertEquals(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY, status);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertEquals(Level.WARN, root.getLevel(), "the file's level, not the defaults' INFO");
        assertEquals(List.of("STDERR"), appenders(root).stream().map(Appender::getName).toList());
    }

    @Test
    void configurationFileProperty_isReadAsLogbackWould(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("app-logging.xml");
        Files.writeString(file, """
                <configuration>
                  <appender name="NAMED_BY_PROPERTY" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%msg%n</pattern></encoder>
                  </appender>
                  <root level="ERROR"><appender-ref ref="NAMED_BY_PROPERTY"/></root>
                </configuration>
                """);
        System.setProperty(CONFIGURATION_FILE_PROPERTY, file.toString());

        ExecutionStatus status = new LogbackDefaults().configure(context);

        assertEquals(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY, status);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertEquals(Level.ERROR, root.getLevel());
        assertEquals(List.of("NAMED_BY_PROPERTY"), appenders(root).stream().map(Appender::getName).toList());
    }

    /**
     * Micronaut's logging system re-applies the configuration (when {@code logger.*} levels are set)
     * through the first {@code Configurator} it finds and ignores what it answers: the application's
     * file must still be read then, or logging would stop altogether.
     */
    @Test
    void micronautsRefresh_keepsTheApplicationsFile() {
        LoggerContext global = (LoggerContext) LoggerFactory.getILoggerFactory();

        new LogbackLoggingSystem(null, null).refresh();

        Logger root = global.getLogger(Logger.ROOT_LOGGER_NAME);
        assertEquals(Level.WARN, root.getLevel());
        assertEquals(List.of("STDERR"), appenders(root).stream().map(Appender::getName).toList());
    }

    @Test
    void logbackFindsItThroughTheServiceLoader() {
        assertTrue(ServiceLoader.load(Configurator.class).stream()
                .anyMatch(provider -> provider.type() == LogbackDefaults.class));
    }

    private static List<Appender<ILoggingEvent>> appenders(Logger logger) {
        List<Appender<ILoggingEvent>> appenders = new ArrayList<>();
        for (Iterator<Appender<ILoggingEvent>> it = logger.iteratorForAppenders(); it.hasNext(); ) {
            appenders.add(it.next());
        }
        return appenders;
    }

    /** An application without a logback file of its own (this module's tests have one). */
    private static final class NoFile extends ContextAwareBase implements Configurator {
        @Override
        public ExecutionStatus configure(LoggerContext context) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
    }
}
