package dev.toolwire.runtime.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLogger;

/** A local start's credentials are shown whatever the logging: logged when it would show, else on stderr. */
class LocalCredentialsNoticeTest {

    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(stderr, true, StandardCharsets.UTF_8);

    @Test
    void withoutALoggingBackend_theNoticeGoesToStderr() {
        AuthStartup.showLocally(NOPLogger.NOP_LOGGER, err, "Authorization: Bearer abc");

        assertEquals("WARN Toolwire: Authorization: Bearer abc" + System.lineSeparator(), stderr.toString(StandardCharsets.UTF_8));
    }

    @Test
    void withWarnOffForTheLogger_theNoticeGoesToStderr() {
        Logger logger = (Logger) LoggerFactory.getLogger("test.local-notice.off");
        logger.setLevel(Level.OFF);

        AuthStartup.showLocally(logger, err, "X-API-Key: k");

        assertEquals("WARN Toolwire: X-API-Key: k" + System.lineSeparator(), stderr.toString(StandardCharsets.UTF_8));
    }

    @Test
    void withLogging_theNoticeIsLoggedOnce() {
        Logger logger = (Logger) LoggerFactory.getLogger("test.local-notice.on");
        logger.setLevel(Level.INFO);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        logger.addAppender(lines);

        AuthStartup.showLocally(logger, err, "Authorization: Bearer abc");

        assertEquals(List.of("Authorization: Bearer abc"), lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
        assertEquals("", stderr.toString(StandardCharsets.UTF_8));
    }
}
