package dev.toolwire.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@MicronautTest
@Property(name = "examples.reports.work-time", value = "200ms")
class ReportToolsTest {

    @Inject
    ToolHttp http;

    @Test
    void detailedReport_listsTransactionsAndBalances() {
        ToolHttp.Reply reply = http.post("/tools/generate_account_report",
                "{\"account_id\": \"ACC-5001\", \"report_type\": \"detailed\"}");

        assertEquals(200, reply.status());
        assertEquals("Layla Haddad", reply.body().get("customer_name"));
        assertEquals("detailed", reply.body().get("report_type"));
        assertEquals(4, reply.list("transactions").size());
        assertEquals(4, reply.body().get("transaction_count"));
        assertEquals(973.5, ((Number) reply.body().get("balance")).doubleValue(), 0.001);
        assertTrue(((String) reply.body().get("summary")).contains("AED"));
    }

    @Test
    void summaryReport_hasTotalsButNoTransactions() {
        ToolHttp.Reply reply = http.post("/tools/generate_account_report",
                "{\"account_id\": \"ACC-5003\", \"report_type\": \"summary\"}");

        assertEquals(200, reply.status());
        assertTrue(reply.list("transactions").isEmpty());
        assertEquals(3, reply.body().get("transaction_count"));
        assertEquals(39.99, ((Number) reply.body().get("total_in")).doubleValue(), 0.001);
    }

    @Test
    void unknownAccount_isNotFound() {
        ToolHttp.Reply reply = http.post("/tools/generate_account_report",
                "{\"account_id\": \"ACC-0000\", \"report_type\": \"summary\"}");

        assertEquals(404, reply.status());
        assertEquals("NOT_FOUND", reply.errorCode());
    }
}
