package dev.toolwire.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwire.testing.client.ToolClient;
import dev.toolwire.testing.client.ToolResponse;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@MicronautTest
@Property(name = "examples.reports.work-time", value = "200ms")
class ReportToolsTest {

    @Inject
    ToolClient tools;

    @Test
    void detailedReport_listsTransactionsAndBalances() {
        ToolResponse reply = tools.call("generate_account_report", "{\"account_id\": \"ACC-5001\", \"report_type\": \"detailed\"}");

        assertEquals(200, reply.status());
        assertEquals("Layla Haddad", reply.get("$.customer_name"));
        assertEquals("detailed", reply.get("$.report_type"));
        assertEquals(4, reply.node("$.transactions").size());
        assertEquals(4, reply.get("$.transaction_count"));
        assertEquals(973.5, ((Number) reply.get("$.balance")).doubleValue(), 0.001);
        assertTrue(((String) reply.get("$.summary")).contains("AED"));
    }

    @Test
    void summaryReport_hasTotalsButNoTransactions() {
        ToolResponse reply = tools.call("generate_account_report", "{\"account_id\": \"ACC-5003\", \"report_type\": \"summary\"}");

        assertEquals(200, reply.status());
        assertTrue(reply.node("$.transactions").isEmpty());
        assertEquals(3, reply.get("$.transaction_count"));
        assertEquals(39.99, ((Number) reply.get("$.total_in")).doubleValue(), 0.001);
    }

    @Test
    void unknownAccount_isNotFound() {
        ToolResponse reply = tools.call("generate_account_report", "{\"account_id\": \"ACC-0000\", \"report_type\": \"summary\"}");

        assertEquals(404, reply.status());
        assertEquals("NOT_FOUND", reply.errorCode());
    }
}
