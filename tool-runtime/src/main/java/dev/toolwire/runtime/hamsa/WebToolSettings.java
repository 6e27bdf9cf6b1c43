package dev.toolwire.runtime.hamsa;

import io.micronaut.core.annotation.Internal;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code toolSettings} of a web tool as Hamsa answers it. Everything is optional: the response
 * spelling of the timeout is {@code timeout}, possibly in milliseconds, but {@code timeOut} is read too.
 *
 * @param serverUrl the URL Hamsa calls
 * @param methodType the HTTP method
 * @param authToken the stored {@code Authorization} value
 * @param timeout the timeout as answered ({@code timeout})
 * @param timeOut the timeout as requested ({@code timeOut}), if echoed
 * @param httpHeaders extra headers
 * @param pathParameters path parameter defaults
 */
@Internal
@Serdeable
public record WebToolSettings(
        @Nullable String serverUrl,
        @Nullable String methodType,
        @Nullable String authToken,
        @Nullable BigDecimal timeout,
        @Nullable BigDecimal timeOut,
        @Nullable Map<String, Object> httpHeaders,
        @Nullable Map<String, Object> pathParameters) {

    /** Masks the token and header values. */
    @Override
    public String toString() {
        return "WebToolSettings[serverUrl=" + serverUrl + ", methodType=" + methodType
                + ", authToken=" + (authToken == null ? null : "****") + ", timeout=" + timeout + ", timeOut=" + timeOut
                + ", httpHeaders=" + (httpHeaders == null ? null : httpHeaders.keySet() + "=****")
                + ", pathParameters=" + pathParameters + "]";
    }
}
