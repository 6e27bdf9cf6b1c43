package dev.toolwire.mcp;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Internal;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OAuth 2.0 protected-resource metadata of the MCP endpoint (RFC 9728), which MCP clients read
 * after a {@code 401}: the resource, that bearer tokens go in the {@code Authorization} header, and the
 * scopes a token can name. Toolwire mints its tokens itself ({@code token} command, the sync), so no
 * authorization server is listed.
 */
@Controller
@Requires(property = McpConfiguration.PREFIX + ".enabled", value = "true")
@Internal
final class ProtectedResourceMetadata {

    private final McpAccess access;

    ProtectedResourceMetadata(McpAccess access) {
        this.access = access;
    }

    /**
     * The metadata.
     *
     * @param request the request, for this server's URL
     * @return the metadata document
     */
    @Get(value = McpAccess.METADATA_PATH, produces = MediaType.APPLICATION_JSON)
    Map<String, Object> metadata(HttpRequest<?> request) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("resource", access.resource(request));
        metadata.put("bearer_methods_supported", List.of("header"));
        metadata.put("scopes_supported", access.scopes());
        metadata.put("resource_name", "Toolwire tools");
        return metadata;
    }
}
