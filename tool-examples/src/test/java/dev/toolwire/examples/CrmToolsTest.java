package dev.toolwire.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest
class CrmToolsTest {

    @Inject
    ToolHttp http;

    @Test
    void lookupCustomer_knownPhone_returnsCustomer() {
        ToolHttp.Reply reply = http.post("/tools/lookup_customer", "{\"phone_number\": \"+971501234567\"}");

        assertEquals(200, reply.status());
        assertEquals("CUST-1001", reply.body().get("customer_id"));
        assertEquals("Layla Haddad", reply.body().get("name"));
        assertEquals("ACC-5001", reply.body().get("account_id"));
        assertEquals("morning", reply.object("preferences").get("preferred_contact_time"));
        assertNotNull(reply.requestId(), "every answer carries X-Request-Id");
    }

    @Test
    void lookupCustomer_unknownPhone_isNotFoundWithSpeakableMessage() {
        ToolHttp.Reply reply = http.post("/tools/lookup_customer", "{\"phone_number\": \"+4915112345678\"}");

        assertEquals(404, reply.status());
        assertEquals(false, reply.body().get("success"));
        assertEquals("NOT_FOUND", reply.errorCode());
        assertTrue(((String) reply.error().get("message")).startsWith("I couldn't find a customer"));
        assertEquals(reply.requestId(), reply.error().get("requestId"));
    }

    @Test
    void lookupCustomer_notE164_isRejectedBeforeTheMethodRuns() {
        ToolHttp.Reply reply = http.post("/tools/lookup_customer", "{\"phone_number\": \"0501234567\"}");

        assertEquals(400, reply.status());
        assertEquals("INVALID_ARGUMENTS", reply.errorCode());
        assertTrue(reply.errorDetails().stream().anyMatch(d -> String.valueOf(d.get("path")).contains("phone_number")),
                () -> "details name the argument: " + reply.errorDetails());
    }

    @Test
    void lookupCustomer_missingPhone_isInvalidArguments() {
        ToolHttp.Reply reply = http.post("/tools/lookup_customer", "{}");

        assertEquals(400, reply.status());
        assertEquals("INVALID_ARGUMENTS", reply.errorCode());
        assertFalse(reply.errorDetails().isEmpty());
    }

    @Test
    void updatePreferences_changesOnlyWhatIsGiven() {
        ToolHttp.Reply reply = http.patch("/customers/CUST-1002", "{\"preferred_contact_time\": \"afternoon\"}");

        assertEquals(200, reply.status());
        Map<String, Object> preferences = reply.object("preferences");
        assertEquals("afternoon", preferences.get("preferred_contact_time"));
        assertEquals(true, preferences.get("email_notifications"), "untouched preference keeps its value");
        assertEquals(false, preferences.get("sms_notifications"), "untouched preference keeps its value");
    }

    @Test
    void updatePreferences_unknownContactTime_isInvalidArguments() {
        ToolHttp.Reply reply = http.patch("/customers/CUST-1002", "{\"preferred_contact_time\": \"midnight\"}");

        assertEquals(400, reply.status());
        assertEquals("INVALID_ARGUMENTS", reply.errorCode());
    }

    @Test
    void updatePreferences_nothingToChange_asksWhatToChange() {
        ToolHttp.Reply reply = http.patch("/customers/CUST-1003", "{}");

        assertEquals(400, reply.status());
        assertEquals("INVALID_ARGUMENTS", reply.errorCode());
        assertEquals("Tell me which preference you'd like to change.", reply.error().get("message"));
    }

    @Test
    void updatePreferences_unknownCustomer_isNotFound() {
        ToolHttp.Reply reply = http.patch("/customers/CUST-9999", "{\"sms_notifications\": true}");

        assertEquals(404, reply.status());
        assertEquals("NOT_FOUND", reply.errorCode());
    }
}
