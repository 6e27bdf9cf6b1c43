package dev.toolwire.runtime.hamsa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** test-api-tool's answer in every shape it may take, and what is never taken from it. */
class TestStreamReaderTest {

    private static final String RESPONSE = "{\"statusCode\":400,\"responseTimeMs\":12,\"body\":{\"error\":{\"code\":\"INVALID_ARGUMENTS\"}}}";

    @Test
    void serverSentEvents_jsonLines_anArray_andOneObject_readAlike() {
        List<String> answers = List.of(
                "event: attempt\ndata: {\"message\":\"Starting API test...\"}\n\nevent: response\ndata: " + RESPONSE
                        + "\n\nevent: complete\ndata: {\"success\":false}\n\n",
                "{\"event\":\"attempt\",\"data\":{}}\n{\"event\":\"response\",\"data\":" + RESPONSE + "}\n",
                "[{\"event\":\"attempt\",\"data\":{}},{\"event\":\"response\",\"data\":" + RESPONSE + "}]",
                "{\"event\":\"response\",\"data\":{\"response\":" + RESPONSE + "}}");
        for (String answer : answers) {
            TestOutcome outcome = TestStreamReader.read(answer);
            assertEquals(400, outcome.statusCode(), answer);
            assertEquals(12L, outcome.responseTimeMs(), answer);
            assertEquals("INVALID_ARGUMENTS", outcome.body().at("/error/code").asText(), answer);
            assertNull(outcome.error(), answer);
        }
    }

    @Test
    void anAnswerWithoutAStatus_saysNothing() {
        TestOutcome outcome = TestStreamReader.read("event: attempt\ndata: {\"message\":\"Starting API test...\"}\n\n"
                + "event: done\ndata: {}\n\n");
        assertNull(outcome.statusCode());
        assertNull(outcome.error());
        assertEquals(List.of("attempt", "done"), outcome.events());
    }

    @Test
    void anErrorEvent_isHamsasOwnFailure_neverTheToolsStatus_andOnlyItsMessageIsKept() {
        TestOutcome outcome = TestStreamReader.read("event: error\ndata: {\"code\":400,\"message\":\"serverUrl must be a "
                + "valid external URL\",\"config\":{\"headers\":{\"Authorization\":\"Bearer secret-token\"}}}\n\n");
        assertNull(outcome.statusCode(), "Hamsa's 400 is not the tool's");
        assertEquals("serverUrl must be a valid external URL", outcome.error());
        assertFalse(outcome.toString().contains("secret-token"));
        assertEquals("an error without a message",
                TestStreamReader.read("event: error\ndata: {\"config\":{\"auth\":\"Bearer secret-token\"}}\n\n").error());
    }
}
