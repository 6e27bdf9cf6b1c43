package dev.toolwire.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwire.testing.client.ToolClient;
import dev.toolwire.testing.client.ToolResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest
class CrmToolsTest {

    @Inject
    ToolClient tools;

    @Test
    void lookupCustomer_knownPhone_returnsCustomer() {
        ToolResponse reply = tools.call("lookup_customer", "{\"phone_number\": \"+971501234567\"}");

        assertEquals(200, reply.status());
        assertEquals("CUST-1001", reply.get("$.customer_id"));
        assertEquals("Layla Haddad", reply.get("$.name"));
        assertEquals("ACC-5001", reply.get("$.account_id"));
        assertEquals("morning", reply.get("$.preferences.preferred_contact_time"));
        assertNotNull(reply.requestId(), "every answer carries X-Request-Id");
    }

    @Test
    void lookupCustomer_unknownPhone_isNotFoundWithSpeakableMessage() {
        ToolResponse reply = tools.call("lookup_customer", "{\"phone_number\": \"+4915112345678\"}");

        assertEquals(404, reply.status());
        assertEquals(false, reply.get("$.success"));
        assertEquals("NOT_FOUND", reply.errorCode());
        assertTrue(reply.errorMessage().startsWith("I couldn't find a customer"));
        assertEquals(reply.requestId(), reply.get("$.error.requestId"));
    }

    @Test
    void lookupCustomer_notE164_isRejectedBeforeTheMethodRuns() {
        ToolResponse reply = tools.call("lookup_customer", "{\"phone_number\": \"0501234567\"}");

        assertEquals(400, reply.status());
        assertEquals("INVALID_ARGUMENTS", reply.errorCode());
        assertTrue(reply.errorDetails().stream().anyMatch(d -> d.path().contains("phone_number")),
                () -> "details name the argument: " + reply.errorDetails());
    }

    @Test
    void lookupCustomer_missingPhone_isInvalidArguments() {
        ToolResponse reply = tools.call("lookup_customer", "{}");

        assertEquals(400, reply.status());
        assertEquals("INVALID_ARGUMENTS", reply.errorCode());
        assertFalse(reply.errorDetails().isEmpty());
    }

    @Test
    void updatePreferences_changesOnlyWhatIsGiven() {
        ToolResponse reply = tools.call("update_customer_preferences", Map.of("customer_id", "CUST-1002", "preferred_contact_time", "afternoon"));

        assertEquals(200, reply.status());
        assertEquals("afternoon", reply.get("$.preferences.preferred_contact_time"));
        assertEquals(true, reply.get("$.preferences.email_notifications"), "untouched preference keeps its value");
        assertEquals(false, reply.get("$.preferences.sms_notifications"), "untouched preference keeps its value");
    }

    @Test
    void updatePreferences_unknownContactTime_isInvalidArguments() {
        ToolResponse reply = tools.call("update_customer_preferences", Map.of("customer_id", "CUST-1002", "preferred_contact_time", "midnight"));

        assertEquals(400, reply.status());
        assertEquals("INVALID_ARGUMENTS", reply.errorCode());
    }

    @Test
    void updatePreferences_nothingToChange_asksWhatToChange() {
        ToolResponse reply = tools.call("update_customer_preferences", Map.of("customer_id", "CUST-1003"));

        assertEquals(400, reply.status());
        assertEquals("INVALID_ARGUMENTS", reply.errorCode());
        assertEquals("Tell me which preference you'd like to change.", reply.errorMessage());
    }

    @Test
    void updatePreferences_unknownCustomer_isNotFound() {
        ToolResponse reply = tools.call("update_customer_preferences", Map.of("customer_id", "CUST-9999", "sms_notifications", true));

        assertEquals(404, reply.status());
        assertEquals("NOT_FOUND", reply.errorCode());
    }
}
