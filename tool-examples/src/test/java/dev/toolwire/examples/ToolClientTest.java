package dev.toolwire.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwire.examples.crm.ContactTime;
import dev.toolwire.testing.client.ToolClient;
import dev.toolwire.testing.client.ToolResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The test client itself: credentials per auth mode, auth failures, JSONPath access and its assertions. */
@MicronautTest
class ToolClientTest {

    private static final Map<String, String> LAYLA = Map.of("phone_number", "+971501234567");

    @Inject
    ToolClient tools;

    @Test
    void call_sendsATokenScopedToTheTool_andReadsValuesByJsonPath() {
        ToolResponse reply = tools.call("lookup_customer", LAYLA).assertOk();

        assertTrue(reply.isSuccess());
        assertNotNull(reply.requestId());
        assertEquals("Layla Haddad", reply.get("$.name"));
        assertEquals("morning", reply.get("$.preferences.preferred_contact_time"));
        assertEquals("morning", reply.get("$['preferences']['preferred_contact_time']"));
        assertTrue(reply.node("$.no_such_key").isMissingNode());
    }

    @Test
    void call_headerTool_sendsTheHeader_andFillsQueryForGet() {
        ToolResponse reply = tools.call("check_availability", Map.of("service_type", "repair", "start_date", "2020-01-06"));

        reply.assertError(400, "INVALID_ARGUMENTS");
        assertEquals("I can only look for slots from today on.", reply.errorMessage());
    }

    @Test
    void call_writesJavaEnumsAsTheToolReadsThem() {
        ToolResponse reply = tools.call("update_customer_preferences",
                Map.of("customer_id", "CUST-1003", "preferred_contact_time", ContactTime.EVENING)).assertOk();

        assertEquals("evening", reply.get("$.preferences.preferred_contact_time"));
    }

    @Test
    void withoutCredentials_isUnauthorized_forJwtAndHeaderTools() {
        tools.withoutCredentials().call("lookup_customer", LAYLA).assertError(401, "UNAUTHORIZED");
        tools.withoutCredentials().call("check_availability", Map.of("service_type", "repair", "start_date", "2027-01-04"))
                .assertError(401, "UNAUTHORIZED");
    }

    @Test
    void withTokenOfAnotherTool_isForbidden_withWrongHeader_isUnauthorized() {
        tools.withToken(tools.tokenFor("get_order_status")).call("lookup_customer", LAYLA).assertError(403, "FORBIDDEN");
        tools.withToken(tools.tokenFor("*")).call("lookup_customer", LAYLA).assertOk();
        tools.withHeader("X-API-Key", "wrong-key")
                .call("check_availability", Map.of("service_type", "repair", "start_date", "2027-01-04"))
                .assertError(401, "UNAUTHORIZED");
    }

    @Test
    void assertions_failWithTheStatusAndBody() {
        ToolResponse notFound = tools.call("lookup_customer", Map.of("phone_number", "+15550000000"));

        AssertionError error = assertThrows(AssertionError.class, notFound::assertOk);
        assertTrue(error.getMessage().contains("expected status 200, but lookup_customer answered 404"), error.getMessage());
        assertTrue(error.getMessage().contains("NOT_FOUND"), error.getMessage());
        assertThrows(AssertionError.class, () -> notFound.assertError("INVALID_ARGUMENTS"));
        assertThrows(AssertionError.class, () -> notFound.get("$.name"));
        assertFalse(notFound.isSuccess());
        assertEquals("NOT_FOUND", notFound.errorCode());
    }

    @Test
    void unknownToolOrMissingPathArgument_saysWhatToDo() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> tools.call("lookup_customers", LAYLA));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> tools.call("get_order_status"));

        assertTrue(unknown.getMessage().contains("Did you mean lookup_customer"), unknown.getMessage());
        assertTrue(missing.getMessage().contains("needs the argument 'order_id'"), missing.getMessage());
    }
}
