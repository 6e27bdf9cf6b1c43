package dev.toolwire.runtime.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LogbackDefaultsTest {

    private final LoggerContext context = new LoggerContext();

    @AfterEach
    void clearProperty() {
        System.clearProperty(LogbackDefaults.CONFIGURATION_FILE_PROPERTY);
        context.stop();
    }

    @Test
    void withoutConfiguration_logsInfoAndAboveToStandardError() {
        ExecutionStatus status = new LogbackDefaults(resource -> false).configure(context);

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
    void applicationLogbackFile_onTheClassPath_isLeftToLogback() {
        for (String resource : LogbackDefaults.CONFIGURATION_RESOURCES) {
            ExecutionStatus status = new LogbackDefaults(Set.of(resource)::contains).configure(context);

            assertEquals(ExecutionStatus.INVOKE_NEXT_IF_ANY, status, resource);
            assertTrue(appenders(context.getLogger(Logger.ROOT_LOGGER_NAME)).isEmpty(), resource);
        }
    }

    @Test
    void configurationFileProperty_isLeftToLogback() {
        System.setProperty(LogbackDefaults.CONFIGURATION_FILE_PROPERTY, "/etc/app/logback.xml");

        ExecutionStatus status = new LogbackDefaults(resource -> false).configure(context);

        assertEquals(ExecutionStatus.INVOKE_NEXT_IF_ANY, status);
        assertTrue(appenders(context.getLogger(Logger.ROOT_LOGGER_NAME)).isEmpty());
    }

    @Test
    void realClassPath_withThisModulesLogbackTestXml_stepsAside() {
        ExecutionStatus status = new LogbackDefaults().configure(context);

        assertEquals(ExecutionStatus.INVOKE_NEXT_IF_ANY, status);
    }

    @Test
    void logbackFindsItThroughTheServiceLoader() {
        assertTrue(ServiceLoader.load(ch.qos.logback.classic.spi.Configurator.class).stream()
                .anyMatch(provider -> provider.type() == LogbackDefaults.class));
    }

    private static List<Appender<ILoggingEvent>> appenders(Logger logger) {
        List<Appender<ILoggingEvent>> appenders = new ArrayList<>();
        for (Iterator<Appender<ILoggingEvent>> it = logger.iteratorForAppenders(); it.hasNext(); ) {
            appenders.add(it.next());
        }
        return appenders;
    }
}
