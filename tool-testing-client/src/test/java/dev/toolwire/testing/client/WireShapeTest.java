package dev.toolwire.testing.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class WireShapeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String SCHEMA = """
            {"type": "object", "properties": {
              "delivery": {"type": "string", "enum": ["home_delivery", "pickup"]},
              "party": {"type": "object", "properties": {
                "lead_name": {"type": "string"},
                "seating": {"type": "string", "enum": ["inside", "terrace"]}}},
              "stops": {"type": "array", "items": {"type": "object", "properties": {
                "open_24_hours": {"type": "boolean"}}}},
              "notes": {"type": "object", "additionalProperties": {"type": "string", "enum": ["urgent"]}}}}
            """;

    @Test
    void javaNamesAndEnumConstantsBecomeTheSchemasSpelling() throws Exception {
        JsonNode written = JSON.readTree("""
                {"delivery": "HOME_DELIVERY", "party": {"leadName": "Layla", "seating": "TERRACE"},
                 "stops": [{"open24Hours": true}], "notes": {"first": "URGENT"}}""");

        JsonNode shaped = WireShape.conform(written, JSON.readTree(SCHEMA));

        assertEquals(JSON.readTree("""
                {"delivery": "home_delivery", "party": {"lead_name": "Layla", "seating": "terrace"},
                 "stops": [{"open_24_hours": true}], "notes": {"first": "urgent"}}"""), shaped);
    }

    @Test
    void whatMatchesNothingIsLeftForTheToolToRefuse() throws Exception {
        JsonNode written = JSON.readTree("{\"delivery\": \"DRONE\", \"unknown_member\": 1, \"party\": {\"leadName\": 5}}");

        JsonNode shaped = WireShape.conform(written.deepCopy(), JSON.readTree(SCHEMA));

        assertEquals(JSON.readTree("{\"delivery\": \"DRONE\", \"unknown_member\": 1, \"party\": {\"lead_name\": 5}}"), shaped);
    }
}
