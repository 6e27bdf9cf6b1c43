package dev.toolwire.runtime.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolwire.runtime.descriptor.Json;
import dev.toolwire.runtime.hamsa.TestOutcome;
import dev.toolwire.runtime.hamsa.WebToolDefinition;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a test-api-tool outcome proves, which requests the check may send, and the URL it fills. */
class ToolVerifierTest {

    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static ToolVerifier.Verdict judge(Integer status, String body, String error) {
        return ToolVerifier.judge(new TestOutcome(status, 7L, body == null ? null : json(body), error, List.of("attempt")), false);
    }

    @Test
    void onlyToolwiresOwnRefusalProvesTheCredential() {
        assertEquals(ToolVerifier.Verdict.Kind.REACHED,
                judge(400, "{'success':false,'error':{'code':'INVALID_ARGUMENTS'}}", null).kind());
        assertEquals(ToolVerifier.Verdict.Kind.UNKNOWN, judge(400, null, null).kind(), "no body: cannot tell whose 400");
        assertEquals(ToolVerifier.Verdict.Kind.FAILED, judge(400, "{'message':'Bad Request'}", null).kind(),
                "another server's 400");
        assertEquals(ToolVerifier.Verdict.Kind.FAILED, judge(400, "{'error':{'code':'INVALID_ARGUMENTS'}}",
                "serverUrl must be a valid external URL").kind(), "Hamsa's own error wins");
        assertTrue(judge(200, "{}", null).text().startsWith("THE TOOL RAN"));
        assertEquals(ToolVerifier.Verdict.Kind.FAILED, judge(401, null, null).kind());
        assertEquals(ToolVerifier.Verdict.Kind.UNKNOWN, judge(null, null, null).kind());
        assertEquals(ToolVerifier.Verdict.Kind.UNKNOWN, ToolVerifier.judge(new TestOutcome(400, null,
                json("{'error':{'code':'INVALID_ARGUMENTS'}}"), null, List.of()), true).kind(),
                "a fresh credential checks the URL, not the stored credential");
    }

    private static WebToolDefinition published(String url, String params, Map<String, String> pathParameters) {
        return new WebToolDefinition("FUNCTION", "t", "d", false, null, (ObjectNode) json(params), Map.of(), url, "POST",
                null, null, BigDecimal.TEN, Map.of(), pathParameters);
    }

    @Test
    void onlyRequestsWithoutArgumentsAreSent_andOnlyWhenTheSchemaRefusesThem() {
        assertTrue(RefusalRequest.of(published("https://t.example.com/tools/t",
                "{'type':'object','properties':{'a':{'type':'string'}},'required':['a']}", Map.of())).isPresent());
        assertTrue(RefusalRequest.of(published("https://t.example.com/orders/:id",
                "{'type':'object','properties':{'id':{'type':'string','pattern':'^ORD-[0-9]{5}$'}},'required':['id']}",
                Map.of())).isPresent(), "the path value breaks the pattern");
        assertTrue(RefusalRequest.of(published("https://t.example.com/tools/t",
                "{'type':'object','properties':{'a':{'type':'string'}}}", Map.of())).isEmpty(),
                "nothing required: any request would run it, so none is sent");
        assertTrue(RefusalRequest.of(published("https://t.example.com/notes/:note",
                "{'type':'object','properties':{'note':{'type':'string'},'x':{'type':'integer'}},'required':['note']}",
                Map.of("note", ""))).isEmpty(), "a free-text path value is accepted: not called");
    }

    @Test
    void placeholdersAreFilledWholeSegmentOnly() {
        assertEquals("https://t.example.com:8443/a/%21toolwire-verify/b/%21toolwire-verify",
                ToolVerifier.url("https://t.example.com:8443/a/:id/b/:idType", Map.of("id", "!toolwire-verify",
                        "idType", "!toolwire-verify")));
        assertEquals("https://t.example.com/a/x:id", ToolVerifier.url("https://t.example.com/a/x:id", Map.of("id", "1")));
    }
}
