package dev.toolwire.runtime.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolwire.runtime.descriptor.Json;
import dev.toolwire.runtime.hamsa.WebToolDefinition;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the comparison ignores (the shapes a server answers) and what it reports. */
class DefinitionsTest {

    private static final ObjectNode PARAMS = json("{'type':'object','required':['b','a'],"
            + "'properties':{'a':{'type':'integer','minimum':1},'b':{'type':'string'}}}");

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) Json.MAPPER.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Map<String, String> messages(String... typeAndContent) {
        Map<String, String> messages = new LinkedHashMap<>();
        for (int i = 0; i < typeAndContent.length; i += 2) {
            messages.put(typeAndContent[i], typeAndContent[i + 1]);
        }
        return messages;
    }

    private static WebToolDefinition body(String description, String authToken, Map<String, String> headers,
            Map<String, String> messages) {
        return new WebToolDefinition("FUNCTION", "t", description, false, null, PARAMS, messages,
                "https://x.example.com/t/:a", "GET", WebToolDefinition.JWT_AUTH, authToken, BigDecimal.valueOf(15),
                headers, Map.of("a", ""));
    }

    private static WebToolDefinition remote(ObjectNode params, BigDecimal timeoutSeconds, String authType) {
        return new WebToolDefinition("FUNCTION", "t", "Same.", false, "c-1", params,
                messages("REQUEST_COMPLETE", "Done.", "REQUEST_START", "Wait."), "https://x.example.com/t/:a", "GET",
                authType, "Bearer tok", timeoutSeconds, Map.of(), Map.of("a", ""));
    }

    private static List<SyncPlan.Change> diff(WebToolDefinition remote, WebToolDefinition body) {
        return Definitions.diff(Definitions.of(remote, false), Definitions.of(body, false), false);
    }

    private static WebToolDefinition same() {
        return body("Same.", "Bearer tok", Map.of(), messages("REQUEST_START", "Wait.", "REQUEST_COMPLETE", "Done."));
    }

    @Test
    void serverShapes_compareEqual() {
        ObjectNode answered = json("{'type':'object','required':['a','b'],"
                + "'properties':{'a':{'type':'integer','minimum':1.0},'b':{'type':'string','description':{}}}}");
        assertEquals(List.of(), diff(remote(answered, new BigDecimal("15.0"), null), same()), "number spelling, order");
        assertEquals(List.of(), diff(remote(answered, new BigDecimal(15), WebToolDefinition.JWT_AUTH), same()),
                "the guide's authType, when answered, agrees");
    }

    @Test
    void authType_isComparedOnlyWhenTheAnswerStatesIt() {
        assertEquals(List.of("~ authType: \"none\" -> \"jwtAuth\""),
                diff(remote(PARAMS, BigDecimal.valueOf(15), WebToolDefinition.NO_AUTH), same()).stream()
                        .map(Object::toString).toList());
    }

    @Test
    void paramsAnsweredAsABarePropertiesMap_compareOnTheirProperties() {
        ObjectNode bare = json("{'a':{'type':'integer','minimum':1},'b':{'type':'string'}}");
        assertEquals(List.of(), diff(remote(bare, BigDecimal.valueOf(15), null), same()));
        ObjectNode changed = json("{'a':{'type':'integer','minimum':2},'b':{'type':'string'}}");
        assertEquals("~ params.properties.a.minimum: 2 -> 1",
                diff(remote(changed, BigDecimal.valueOf(15), null), same()).get(0).toString());
    }

    @Test
    void changes_areFieldLevel_andSecretsAreMasked() {
        WebToolDefinition wanted = body("New.", "Bearer other", Map.of("X-Key", "v"), Map.of());
        List<String> lines = diff(remote(PARAMS, BigDecimal.valueOf(15), null), wanted).stream().map(Object::toString).toList();
        assertEquals(List.of(
                "~ description: \"Same.\" -> \"New.\"",
                "- messages.REQUEST_COMPLETE: \"Done.\" -> (none)",
                "- messages.REQUEST_START: \"Wait.\" -> (none)",
                "~ toolSettings.authToken: (secret) -> (secret)",
                "+ toolSettings.httpHeaders.x-key: (none) -> (secret)"), lines);
    }

    @Test
    void headerNamesInAnyCase_andAPathParameterWithoutADefault_compareEqual() {
        WebToolDefinition sent = body("Same.", "Bearer tok", Map.of("X-API-Key", "v"),
                messages("REQUEST_START", "Wait.", "REQUEST_COMPLETE", "Done."));
        WebToolDefinition answered = new WebToolDefinition("FUNCTION", "t", "Same.", false, null, PARAMS,
                messages("REQUEST_START", "Wait.", "REQUEST_COMPLETE", "Done."), "https://x.example.com/t/:a", "GET",
                null, "Bearer tok", BigDecimal.valueOf(15), Map.of("x-api-key", "v"), Map.of());
        assertEquals(List.of(), diff(answered, sent));
    }

    @Test
    void secretsAnsweredMasked_areNotCompared() {
        WebToolDefinition wanted = body("Same.", "Bearer other", Map.of("X-Key", "v"),
                messages("REQUEST_START", "Wait.", "REQUEST_COMPLETE", "Done."));
        assertEquals(List.of(), Definitions.diff(Definitions.of(remote(PARAMS, BigDecimal.valueOf(15), null), false),
                Definitions.of(wanted, false), true));
    }

    @Test
    void maskedSecrets_areToldFromStaleOnes() {
        String fresh = "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0In0.c2lnbmF0dXJl";
        assertEquals(true, MaskedSecrets.tokenLooksMasked("Bearer ****", fresh));
        assertEquals(true, MaskedSecrets.tokenLooksMasked("Bearer eyJhbGci\u2022\u2022\u2022", fresh));
        assertEquals(true, MaskedSecrets.tokenLooksMasked("Bearer eyJhbGciOi", fresh), "truncated");
        assertEquals(true, MaskedSecrets.tokenLooksMasked("", fresh));
        assertEquals(false, MaskedSecrets.tokenLooksMasked("Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJvbGQifQ.c2ln", fresh),
                "a real token that is merely older is replaced");
        assertEquals(true, MaskedSecrets.valueLooksMasked("****", "header-key-0123456789"));
        assertEquals(true, MaskedSecrets.valueLooksMasked("header-k", "header-key-0123456789"), "a revealed start");
        assertEquals(true, MaskedSecrets.valueLooksMasked("456789", "header-key-0123456789"), "a revealed end");
        assertEquals(false, MaskedSecrets.valueLooksMasked("old-key-12", "header-key-0123456789"), "a rotated key");
        assertEquals(false, MaskedSecrets.valueLooksMasked("header-key-0123456789", "header-key-0123456789"));
    }
}
