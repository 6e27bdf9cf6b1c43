package dev.toolwire.runtime.hamsa;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Internal;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /v1/voice-agents/web-tool/test-api-tool}: Hamsa calls {@code serverUrl}
 * from its side. Null members are left out.
 *
 * @param projectId the project ({@code GET /v1/projects/by-api-key})
 * @param serverUrl an external URL
 * @param method GET, POST, PUT, PATCH or DELETE
 * @param authPrefix e.g. {@code Bearer}
 * @param authToken the token without its prefix
 * @param timeout seconds, default 5
 * @param httpHeaders extra headers
 * @param queryParams query parameters
 * @param body a JSON body
 */
@Internal
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TestApiToolBody(
        String projectId,
        String serverUrl,
        String method,
        @Nullable String authPrefix,
        @Nullable String authToken,
        @Nullable Integer timeout,
        @Nullable Map<String, String> httpHeaders,
        @Nullable Map<String, String> queryParams,
        @Nullable Map<String, Object> body) {

    /** Masks the token. */
    @Override
    public String toString() {
        return "TestApiToolBody[projectId=" + projectId + ", serverUrl=" + serverUrl + ", method=" + method
                + ", authToken=" + (authToken == null ? null : "****") + "]";
    }
}
