package dev.toolwire.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolwire.runtime.HamsaConfiguration;
import dev.toolwire.runtime.ToolwireConfiguration;
import dev.toolwire.runtime.descriptor.ToolDescriptor;
import dev.toolwire.runtime.hamsa.HamsaDialect;
import dev.toolwire.runtime.invoke.DefaultToolRegistry;
import dev.toolwire.runtime.sync.WebToolMapper;
import dev.toolwire.testing.client.ToolClient;
import dev.toolwire.testing.client.ToolResponse;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** generate_account_report as a job: it outlasts its two-second window, so it answers 202 and a status tool. */
@MicronautTest
@Property(name = "examples.reports.work-time", value = "4s")
class ReportJobTest {

    @Inject
    DefaultToolRegistry registry;

    @Inject
    ToolwireConfiguration toolwire;

    @Inject
    HamsaConfiguration hamsaConfiguration;

    @Inject
    ToolClient tools;

    @Test
    void slowReport_isAcknowledged_thenReportsProgress_thenTheReport() throws InterruptedException {
        ToolResponse ack = tools.call("generate_account_report", "{\"account_id\": \"ACC-5001\", \"report_type\": \"summary\"}");

        assertEquals(202, ack.status());
        assertEquals("running", ack.get("$.status"));
        assertEquals("generate_account_report_status", ack.get("$.status_tool"));
        String jobId = (String) ack.get("$.job_id");

        Set<Integer> progress = new HashSet<>();
        ToolResponse status = null;
        for (int i = 0; i < 200 && (status == null || !"done".equals(status.get("$.status"))); i++) {
            status = tools.call("generate_account_report_status", Map.of("job_id", jobId)).assertOk();
            progress.add(((Number) status.get("$.progress")).intValue());
            Thread.sleep(100);
        }
        assertEquals("done", status.get("$.status"), "the report did not finish: " + status);
        assertTrue(progress.stream().anyMatch(p -> p > 0 && p < 100), "no progress between 0 and 100: " + progress);
        assertEquals("Layla Haddad", status.get("$.result.customer_name"));
        assertEquals("summary", status.get("$.result.report_type"));
    }

    @Test
    void descriptorAndHamsaBody_carryAsyncAndTimeout() {
        ToolDescriptor report = registry.find("generate_account_report").orElseThrow().descriptor();
        assertTrue(report.async());
        assertEquals(60, report.timeoutSeconds());
        assertEquals(2, report.job().acknowledgeWithinSeconds());
        WebToolMapper hamsa = WebToolMapper.of(toolwire, hamsaConfiguration, 8080);
        JsonNode body = HamsaDialect.REFERENCE.body(hamsa.toDefinition(report, null, null));
        assertTrue(body.path("async").asBoolean());
        assertEquals(60, body.at("/toolSettings/timeOut").asInt());
        JsonNode guide = HamsaDialect.GUIDE.body(hamsa.toDefinition(report, null, null));
        assertTrue(guide.path("async").asBoolean());
        assertEquals(60, guide.path("timeoutSeconds").asInt());

        ToolDescriptor status = registry.find("generate_account_report_status").orElseThrow().descriptor();
        JsonNode statusBody = HamsaDialect.REFERENCE.body(hamsa.toDefinition(status, null, null));
        assertEquals("GET", statusBody.at("/toolSettings/methodType").asText());
        assertTrue(statusBody.at("/toolSettings/serverUrl").asText().endsWith("/tools/generate_account_report_status"));
        assertEquals("[\"job_id\"]", statusBody.at("/params/required").toString());
    }
}
