package dev.toolwire.runtime.hamsa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolwire.annotations.AuthMode;
import dev.toolwire.runtime.auth.AuthModes;
import dev.toolwire.runtime.auth.ToolCredentials;
import dev.toolwire.runtime.descriptor.ToolDescriptor;
import io.micronaut.core.annotation.Internal;
import java.time.Duration;
import java.util.List;

/**
 * Adds a tool's credentials to its Hamsa web-tool body (SPEC §8): {@code toolSettings.authToken:
 * "Bearer <jwt scoped to this tool>"} for JWT tools, {@code toolSettings.httpHeaders: {name: value}}
 * for header tools, nothing for open tools. The credentials come from {@link ToolCredentials}, so
 * what is published is what the server accepts.
 */
@Internal
public final class HamsaAuthSettings {

    private HamsaAuthSettings() {}

    /**
     * Adds the auth fields to a body made by {@link HamsaToolMapper#toWebTool(ToolDescriptor)}.
     *
     * @param webTool the body; its {@code toolSettings} gets the fields, before {@code pathParameters}
     * @param tool the tool
     * @param credentials where tokens and header values come from
     * @param tokenTtl the lifetime of a minted token
     * @throws IllegalStateException when the credential cannot be published (no configured secret or
     *     header value); the message names the property to set
     */
    public static void apply(ObjectNode webTool, ToolDescriptor tool, ToolCredentials credentials, Duration tokenTtl) {
        ObjectNode settings = (ObjectNode) webTool.get("toolSettings");
        JsonNode pathParameters = settings.remove("pathParameters");
        try {
            AuthMode mode = credentials.effectiveMode(AuthModes.of(tool));
            if (mode == AuthMode.JWT) {
                settings.put("authToken", "Bearer " + credentials.issueToken(List.of(tool.name()), tokenTtl));
            } else if (mode == AuthMode.HEADER) {
                ToolCredentials.HeaderCredential header = credentials.headerCredential();
                settings.putObject("httpHeaders").put(header.name(), header.value());
            }
        } finally {
            if (pathParameters != null) {
                settings.set("pathParameters", pathParameters);
            }
        }
    }
}
