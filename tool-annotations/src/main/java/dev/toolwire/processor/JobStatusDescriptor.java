package dev.toolwire.processor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The descriptor of a job tool's companion status tool, {@code <name>_status}: an ordinary
 * descriptor (so the runtime, {@code tools}, {@code describe} and the Hamsa sync see it like any
 * tool) with {@code jobStatusOf} naming the job tool instead of an {@code invocation}, since the
 * runtime answers it from its job store.
 */
final class JobStatusDescriptor {
    static final String JOB_ID = "job_id";

    private JobStatusDescriptor() {}

    static Map<String, Object> toJson(ToolModel tool) {
        String statusTool = tool.job().statusTool();
        Map<String, Object> jobId = new LinkedHashMap<>();
        jobId.put("type", "string");
        jobId.put("description", "The job_id that " + tool.name() + " answered.");
        jobId.put("minLength", 1);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("type", "object");
        params.put("properties", Map.of(JOB_ID, jobId));
        params.put("required", List.of(JOB_ID));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("descriptorVersion", DescriptorWriter.DESCRIPTOR_VERSION);
        json.put("name", statusTool);
        json.put("description", "Tells how a job of " + tool.name() + " is going: running with its progress, done with"
                + " its result, or failed with the reason. Call it with the job_id that " + tool.name()
                + " answered when it said the work would take a while.");
        json.put("method", "GET");
        json.put("path", "/tools/" + statusTool);
        json.put("pathParameters", List.of());
        json.put("params", params);
        json.put("async", false);
        json.put("timeoutSeconds", 10);
        json.put("messages", Map.of());
        json.put("auth", tool.auth());
        json.put("jobStatusOf", tool.name());
        return json;
    }
}
