package dev.toolwire.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwire.testing.client.ToolClient;
import dev.toolwire.testing.client.ToolResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

@MicronautTest
class TicketToolsTest {

    @Inject
    ToolClient tools;

    @Test
    void createTicket_withoutPriority_usesMediumAndLinksKnownCustomer() {
        ToolResponse reply = tools.call("create_support_ticket", """
                {"customer_email": "Omar.Khalid@example.com", "subject": "Router keeps rebooting",
                 "description": "Since yesterday the router restarts every hour."}""");

        assertEquals(200, reply.status());
        assertTrue(((String) reply.get("$.ticket_id")).matches("TCK-[0-9]{5}"));
        assertEquals("open", reply.get("$.status"));
        assertEquals("medium", reply.get("$.priority"));
        assertEquals("CUST-1002", reply.get("$.customer_id"));
        Duration promised = Duration.between(
                OffsetDateTime.parse((String) reply.get("$.created_at")),
                OffsetDateTime.parse((String) reply.get("$.respond_by")));
        assertEquals(Duration.ofHours(24), promised);
    }

    @Test
    void createTicket_retried_answersTheSameTicket() {
        String body = """
                {"customer_email": "layla.haddad@example.com", "subject": "Invoice is wrong",
                 "description": "I was charged twice for March."}""";
        ToolResponse first = tools.call("create_support_ticket", body);
        ToolResponse retried = tools.call("create_support_ticket", body);

        assertEquals(200, first.status());
        assertEquals(200, retried.status());
        assertEquals(first.json(), retried.json());
    }

    @Test
    void createTicket_urgentForUnknownEmail_isFiledWithoutCustomer() {
        ToolResponse first = tools.call("create_support_ticket", """
                {"customer_email": "new.caller@example.org", "subject": "Cannot log in",
                 "description": "Password reset mail never arrives.", "priority": "urgent"}""");
        ToolResponse second = tools.call("create_support_ticket", """
                {"customer_email": "new.caller@example.org", "subject": "Second problem",
                 "description": "Another one.", "priority": "low"}""");

        assertEquals(200, first.status());
        assertEquals("urgent", first.get("$.priority"));
        assertNull(first.get("$.customer_id"));
        assertNotEquals(first.get("$.ticket_id"), second.get("$.ticket_id"));
    }

    @Test
    void createTicket_badEmailAndBlankSubject_reportsEachViolation() {
        ToolResponse reply = tools.call("create_support_ticket", """
                {"customer_email": "not-an-email", "subject": "", "description": "x"}""");

        assertEquals(400, reply.status());
        assertEquals("INVALID_ARGUMENTS", reply.errorCode());
        String details = reply.errorDetails().toString();
        assertTrue(details.contains("customer_email"), details);
        assertTrue(details.contains("subject"), details);
    }

    @Test
    void createTicket_unknownPriority_isInvalidArguments() {
        ToolResponse reply = tools.call("create_support_ticket", """
                {"customer_email": "a@example.com", "subject": "s", "description": "d", "priority": "critical"}""");

        assertEquals(400, reply.status());
        assertEquals("INVALID_ARGUMENTS", reply.errorCode());
    }
}
