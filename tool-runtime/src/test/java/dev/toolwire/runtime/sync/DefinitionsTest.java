package dev.toolwire.runtime.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.toolwire.runtime.hamsa.WebTool;
import dev.toolwire.runtime.hamsa.WebToolBody;
import dev.toolwire.runtime.hamsa.WebToolMessage;
import dev.toolwire.runtime.hamsa.WebToolSettings;
import dev.toolwire.runtime.hamsa.WebToolSettingsBody;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the comparison ignores (the shapes a server answers) and what it reports. */
class DefinitionsTest {

    private static final Map<String, Object> PARAMS = Map.of("type", "object", "required", List.of("b", "a"),
            "properties", Map.of("a", Map.of("type", "integer", "minimum", 1), "b", Map.of("type", "string")));

    private static WebToolBody body(String description) {
        return new WebToolBody("FUNCTION", "t", description, false, null, PARAMS,
                List.of(new WebToolMessage("REQUEST_START", "Wait."), new WebToolMessage("REQUEST_COMPLETE", "Done.")),
                new WebToolSettingsBody("https://x.example.com/t/:a", "GET", "Bearer tok", 15, null, Map.of("a", "")));
    }

    private static WebTool remote(Object params, BigDecimal timeout, BigDecimal timeOut) {
        return new WebTool("id", "pid", 4, "t", null, "Same.", null, true, "c-1",
                new WebToolSettings("https://x.example.com/t/:a", "GET", "Bearer tok", timeout, timeOut, Map.of(),
                        Map.of("a", "")),
                params,
                List.of(new WebToolMessage("REQUEST_COMPLETE", "Done."), new WebToolMessage("REQUEST_START", "Wait.")));
    }

    private static List<SyncPlan.Change> diff(WebTool remote, WebToolBody body) {
        return Definitions.diff(Definitions.of(remote, false), Definitions.of(body, false));
    }

    @Test
    void serverShapes_compareEqual() {
        Map<String, Object> answered = Map.of("type", "object", "required", List.of("a", "b"),
                "properties", Map.of("a", Map.of("type", "integer", "minimum", new BigDecimal("1.0")),
                        "b", Map.of("type", "string", "description", Map.of())));
        assertEquals(List.of(), diff(remote(answered, new BigDecimal(15000), null), body("Same.")), "ms timeout");
        assertEquals(List.of(), diff(remote(answered, null, new BigDecimal(15)), body("Same.")), "echoed timeOut");
        assertEquals(List.of(), diff(remote(answered, new BigDecimal(15), null), body("Same.")), "timeout in seconds");
    }

    @Test
    void paramsAnsweredAsABarePropertiesMap_compareOnTheirProperties() {
        Object bare = Map.of("a", Map.of("type", "integer", "minimum", 1), "b", Map.of("type", "string"));
        assertEquals(List.of(), diff(remote(bare, new BigDecimal(15), null), body("Same.")));
        Object changed = Map.of("a", Map.of("type", "integer", "minimum", 2), "b", Map.of("type", "string"));
        assertEquals("~ params.properties.a.minimum: 2 -> 1",
                diff(remote(changed, new BigDecimal(15), null), body("Same.")).get(0).toString());
    }

    @Test
    void changes_areFieldLevel_andSecretsAreMasked() {
        WebToolBody wanted = new WebToolBody("FUNCTION", "t", "New.", false, null, PARAMS, List.of(),
                new WebToolSettingsBody("https://x.example.com/t/:a", "GET", "Bearer other", 15, Map.of("X-Key", "v"),
                        Map.of("a", "")));
        List<String> lines = diff(remote(PARAMS, new BigDecimal(15), null), wanted).stream().map(Object::toString).toList();
        assertEquals(List.of(
                "~ description: \"Same.\" -> \"New.\"",
                "- messages.REQUEST_COMPLETE: \"Done.\" -> (none)",
                "- messages.REQUEST_START: \"Wait.\" -> (none)",
                "~ toolSettings.authToken: (secret) -> (secret)",
                "+ toolSettings.httpHeaders.X-Key: (none) -> (secret)"), lines);
    }
}
