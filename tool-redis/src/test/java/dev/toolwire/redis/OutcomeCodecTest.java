package dev.toolwire.redis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwire.runtime.ToolException;
import dev.toolwire.runtime.ToolResult;
import dev.toolwire.runtime.invoke.RetryLaterException;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the retry memory keeps on Redis comes back as the same result: bytes, flags, failures. */
class OutcomeCodecTest {

    private static ApplicationContext context;
    private static OutcomeCodec codec;

    @BeforeAll
    static void start() {
        context = ApplicationContext.run();
        codec = new OutcomeCodec(context.getBean(JsonMapper.class));
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void aSuccess_keepsItsExactBytes_andWhetherItAcknowledgedAJob() {
        byte[] json = "{\"total\":500.00,\"name\":\"Zoë|x\"}".getBytes(StandardCharsets.UTF_8);
        for (boolean acknowledgement : new boolean[] {false, true}) {
            ToolResult.Success back = assertInstanceOf(ToolResult.Success.class,
                    codec.decode(codec.encode(new ToolResult.Success(json, acknowledgement))));
            assertArrayEquals(json, back.json());
            assertEquals(acknowledgement, back.jobAcknowledgement());
        }
    }

    @Test
    void aFailure_keepsStatusCodeSentenceAndDetails() {
        ToolException failure = new ToolException(409, "SLOT_TAKEN", "That time is \"gone\".",
                List.of(new ToolException.Detail("/slot_id", "taken")));
        ToolException back = assertInstanceOf(ToolResult.Failure.class, codec.decode(codec.encode(new ToolResult.Failure(failure))))
                .error();
        assertEquals(409, back.status());
        assertEquals("SLOT_TAKEN", back.code());
        assertEquals("That time is \"gone\".", back.getMessage());
        assertEquals(failure.details(), back.details());
    }

    @Test
    void aRefusalToRetryLater_keepsItsWait() {
        ToolException back = assertInstanceOf(ToolResult.Failure.class,
                codec.decode(codec.encode(new ToolResult.Failure(RetryLaterException.rateLimited("Later.", 42))))).error();
        assertEquals(42, assertInstanceOf(RetryLaterException.class, back).retryAfterSeconds());
        assertEquals(429, back.status());
    }

    @Test
    void somethingElse_isNotTakenForAResult() {
        assertThrows(IllegalArgumentException.class, () -> codec.decode("P1234"));
        assertThrows(IllegalArgumentException.class, () -> codec.decode("OF{not json"));
        assertTrue(codec.encode(new ToolResult.Success(new byte[] {'{', '}'})).startsWith("O"), "a claim is told apart by its first letter");
    }
}
