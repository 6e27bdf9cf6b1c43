package dev.toolwire.runtime.hamsa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Liberal reading of one web tool in either dialect's shape, and what it reports when it cannot. */
class WebToolReaderTest {

    private static JsonNode json(String text) {
        try {
            return HamsaJson.MAPPER.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static RemoteWebTool read(String text) {
        return assertInstanceOf(RemoteWebTool.class, WebToolReader.read(json(text)));
    }

    private static UnreadableWebTool unreadable(String text) {
        return assertInstanceOf(UnreadableWebTool.class, WebToolReader.read(json(text)));
    }

    @Test
    void theReferenceShape_andTheGuideShape_readToTheSameDefinition() {
        RemoteWebTool reference = read("{'id':'a1','persistentId':'p1','version':2,'name':'get_order','type':'FUNCTION',"
                + "'isActive':true,'async':false,'description':'Finds an order.',"
                + "'params':{'type':'object','properties':{'order_id':{'type':'string'}}},"
                + "'messages':[{'type':'REQUEST_START','content':'One moment.'}],"
                + "'toolSettings':{'serverUrl':'https://t.example.com/orders/:order_id','methodType':'get',"
                + "'authToken':'Bearer x.y.z','timeout':10000,'httpHeaders':{'X-K':'v'},'pathParameters':{'order_id':''}}}");
        RemoteWebTool guide = read("{'id':'a1','persistentId':'p1','version':'2','name':'get_order','isActive':'true',"
                + "'description':'Finds an order.','methodType':'GET','url':'https://t.example.com/orders/:order_id',"
                + "'authType':'jwtAuth','authToken':'Bearer x.y.z','timeoutSeconds':'10',"
                + "'headers':[{'name':'X-K','value':'v'}],'pathParameters':[{'name':'order_id','defaultValue':''}],"
                + "'parameters':{'type':'object','properties':{'order_id':{'type':'string'}}},"
                + "'messages':{'REQUEST_START':'One moment.'}}");

        assertEquals(2, reference.version());
        assertEquals(2, guide.version());
        WebToolDefinition a = reference.definition();
        WebToolDefinition b = guide.definition();
        assertNull(a.authType(), "the reference shape does not say");
        assertEquals(WebToolDefinition.JWT_AUTH, b.authType());
        assertEquals(0, BigDecimal.TEN.compareTo(a.timeoutSeconds()), "timeout in ms");
        assertEquals(0, BigDecimal.TEN.compareTo(b.timeoutSeconds()));
        for (WebToolDefinition d : List.of(a, b)) {
            assertEquals("https://t.example.com/orders/:order_id", d.serverUrl());
            assertEquals("GET", d.methodType());
            assertEquals(Map.of("X-K", "v"), d.httpHeaders());
            assertEquals(Map.of("order_id", ""), d.pathParameters());
            assertEquals(Map.of("REQUEST_START", "One moment."), d.messages());
            assertEquals("string", d.params().at("/properties/order_id/type").asText());
            assertEquals("FUNCTION", d.type());
        }
    }

    @Test
    void unknownMembersAndNulls_areIgnored_andMissingOnesHaveDefaults() {
        RemoteWebTool tool = read("{'id':7,'name':'x','futureField':{'a':1},'toolSettings':null,'params':null,"
                + "'messages':null,'headers':null,'timeOut':null,'isActive':null}");
        assertEquals("7", tool.id());
        assertTrue(tool.active());
        assertNull(tool.persistentId());
        assertEquals("7", tool.identity());
        assertEquals("", tool.definition().description());
        assertEquals("", tool.serverUrl());
        assertNull(tool.definition().timeoutSeconds());
        assertTrue(tool.definition().params().isEmpty());
        assertFalse(tool.definition().async());
    }

    @Test
    void aSchemaSentAsAJsonString_isRead() throws Exception {
        JsonNode item = HamsaJson.MAPPER.readTree("{\"id\":\"1\",\"name\":\"x\",\"parameters\":\"{\\\"type\\\":\\\"object\\\"}\"}");
        RemoteWebTool tool = assertInstanceOf(RemoteWebTool.class, WebToolReader.read(item));
        assertEquals("object", tool.definition().params().path("type").asText());
    }

    @Test
    void impossibleShapes_areReportedByIdAndName_neverThrown() {
        UnreadableWebTool settings = unreadable("{'id':'i1','persistentId':'p','version':3,'name':'n','toolSettings':'oops'}");
        assertEquals("'n' (id i1)", settings.label());
        assertEquals("toolSettings is not an object", settings.reason());
        assertEquals("p", settings.identity());
        assertEquals(3, settings.version());

        assertEquals("headers is neither a map nor a list", unreadable("{'id':'1','name':'n','headers':42}").reason());
        assertEquals("pathParameters has an entry without a name",
                unreadable("{'id':'1','name':'n','pathParameters':[{'defaultValue':'x'}]}").reason());
        assertEquals("timeout is not a number", unreadable("{'id':'1','name':'n','timeout':'soon'}").reason());
        assertEquals("isActive is not a boolean", unreadable("{'id':'1','name':'n','isActive':'maybe'}").reason());
        assertEquals("params is not a JSON object", unreadable("{'id':'1','name':'n','params':[1]}").reason());
        assertEquals("messages is neither a list nor a map", unreadable("{'id':'1','name':'n','messages':'hi'}").reason());
        assertEquals("it has no id", unreadable("{'name':'n'}").reason());
        assertEquals("it has no name", unreadable("{'id':'1'}").reason());
        assertEquals("the item is not a JSON object", unreadable("[1]").reason());
        assertEquals("(no name) (id ?)", unreadable("'text'").label());
    }

    @Test
    void flagsAsNumbers_headersNamedByKey_andAnActivationNobodyStated() {
        RemoteWebTool numeric = read("{'id':'1','name':'n','isActive':0,'async':'1','headers':[{'key':'X-K','value':'v'}]}");
        assertFalse(numeric.active());
        assertTrue(numeric.activeStated());
        assertTrue(numeric.definition().async());
        assertEquals(Map.of("X-K", "v"), numeric.definition().httpHeaders());
        RemoteWebTool silent = read("{'id':'1','name':'n'}");
        assertTrue(silent.active());
        assertFalse(silent.activeStated(), "a tool whose state the answer does not give is never deactivated");
        assertTrue(read("{'id':'1','name':'n','active':false}").activeStated());
    }

    @Test
    void authTypeSpellings_foldToTheGuidesTwo() {
        assertEquals("jwtAuth", read("{'id':'1','name':'n','authType':'JWT_AUTH'}").definition().authType());
        assertEquals("jwtAuth", read("{'id':'1','name':'n','authType':'bearer'}").definition().authType());
        assertEquals("none", read("{'id':'1','name':'n','authType':'NONE'}").definition().authType());
        assertEquals("apiKey", read("{'id':'1','name':'n','authType':'apiKey'}").definition().authType());
    }

    @Test
    void versionsOfOneTool_areGrouped_andOnlyTheNewestCounts() {
        WebToolListing listing = new WebToolListing(List.of(
                WebToolReader.read(json("{'id':'a','persistentId':'p','version':1,'name':'t'}")),
                WebToolReader.read(json("{'id':'c','persistentId':'p','version':3,'name':'t'}")),
                WebToolReader.read(json("{'id':'b','persistentId':'p','version':2,'name':'t'}")),
                WebToolReader.read(json("{'id':'d','name':'other'}")),
                WebToolReader.read(json("{'id':'e','persistentId':'q','name':'u','updatedAt':'2026-01-01T00:00:00Z'}")),
                WebToolReader.read(json("{'id':'f','persistentId':'q','name':'u','updatedAt':'2026-02-01T00:00:00Z'}"))),
                null, false, null);

        assertEquals(List.of("c", "d", "f"), listing.latestVersions().stream().map(ListedWebTool::id).toList());
        assertEquals(3, listing.supersededCount());

        WebToolListing clash = new WebToolListing(List.of(
                WebToolReader.read(json("{'id':'x','persistentId':'same','version':1,'name':'one'}")),
                WebToolReader.read(json("{'id':'y','persistentId':'same','version':1,'name':'two'}"))), null, false, null);
        assertEquals(List.of("x", "y"), clash.latestVersions().stream().map(ListedWebTool::id).toList(),
                "two records of one version are two tools, whatever their persistentId");
        assertEquals(List.of("c"), listing.named("t").stream().map(ListedWebTool::id).toList());
    }

    @Test
    void createdAt_isReadAsAnInstant_inTheFormsHamsaMayWriteIt_andIsNeverAReasonToLeaveAToolUnread() {
        assertEquals(Instant.parse("2024-05-01T10:00:00.123Z"),
                read("{'id':'1','name':'n','createdAt':'2024-05-01T10:00:00.123Z'}").createdAt());
        assertEquals(Instant.parse("2024-05-01T08:00:00Z"),
                read("{'id':'1','name':'n','createdAt':'2024-05-01T10:00:00+02:00'}").createdAt());
        assertEquals(Instant.ofEpochMilli(1714557600123L), read("{'id':'1','name':'n','createdAt':1714557600123}").createdAt());
        assertEquals(Instant.ofEpochMilli(1714557600123L), read("{'id':'1','name':'n','createdAt':'1714557600123'}").createdAt());
        for (String unknown : List.of("'yesterday'", "null", "true", "{}", "'2024-05-01'")) {
            assertNull(read("{'id':'1','name':'n','createdAt':" + unknown + "}").createdAt(), unknown);
        }
        assertNull(read("{'id':'1','name':'n'}").createdAt());
    }
}
