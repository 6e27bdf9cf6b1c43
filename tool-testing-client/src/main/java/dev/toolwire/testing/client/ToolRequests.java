package dev.toolwire.testing.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolwire.runtime.ToolInfo;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.uri.UriBuilder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The HTTP request Hamsa makes for a tool call: the tool's method; its path with each
 * {@code {x}} replaced by the argument {@code x}; the other arguments as query parameters for
 * {@code GET} and {@code DELETE} (arrays repeated, objects as JSON text), else as a JSON body.
 */
final class ToolRequests {

    private ToolRequests() {}

    static MutableHttpRequest<?> of(ToolInfo tool, ObjectNode arguments) {
        ObjectNode rest = arguments.deepCopy();
        String path = tool.path();
        for (String parameter : tool.pathParameters()) {
            JsonNode value = rest.remove(parameter);
            if (value == null || value.isNull()) {
                throw new IllegalArgumentException(tool.name() + " needs the argument '" + parameter
                        + "' for its path " + tool.path() + ".");
            }
            path = path.replace("{" + parameter + "}",
                    URLEncoder.encode(value.asText(), StandardCharsets.UTF_8).replace("+", "%20"));
        }
        HttpMethod method = HttpMethod.parse(tool.httpMethod().name());
        if (method == HttpMethod.GET || method == HttpMethod.DELETE) {
            return HttpRequest.create(method, withQuery(path, rest));
        }
        return HttpRequest.create(method, path).contentType(MediaType.APPLICATION_JSON_TYPE).body(rest.toString());
    }

    private static String withQuery(String path, ObjectNode arguments) {
        UriBuilder uri = UriBuilder.of(path);
        for (Map.Entry<String, JsonNode> argument : arguments.properties()) {
            JsonNode value = argument.getValue();
            if (value.isArray()) {
                value.forEach(item -> uri.queryParam(argument.getKey(), text(item)));
            } else if (!value.isNull()) {
                uri.queryParam(argument.getKey(), text(value));
            }
        }
        return uri.toString();
    }

    private static String text(JsonNode value) {
        return value.isContainerNode() ? value.toString() : value.asText();
    }
}
