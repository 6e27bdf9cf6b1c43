package dev.toolwire.runtime.hamsa;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Internal;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code toolSettings} of a create or update request.
 *
 * @param serverUrl the URL Hamsa calls, {@code :x} for path parameters
 * @param methodType the HTTP method
 * @param authToken the {@code Authorization} value Hamsa sends (e.g. {@code Bearer <jwt>}), or null
 * @param timeOut seconds Hamsa waits (the request spelling is {@code timeOut})
 * @param httpHeaders extra headers Hamsa sends, or null
 * @param pathParameters each path parameter's default value
 */
@Internal
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebToolSettingsBody(
        String serverUrl,
        String methodType,
        @Nullable String authToken,
        @JsonProperty("timeOut") int timeOut,
        @Nullable Map<String, String> httpHeaders,
        Map<String, String> pathParameters) {

    /** Masks the token and header values. */
    @Override
    public String toString() {
        return "WebToolSettingsBody[serverUrl=" + serverUrl + ", methodType=" + methodType
                + ", authToken=" + (authToken == null ? null : "****") + ", timeOut=" + timeOut
                + ", httpHeaders=" + (httpHeaders == null ? null : httpHeaders.keySet() + "=****")
                + ", pathParameters=" + pathParameters + "]";
    }
}
