package dev.toolwire.runtime.invoke;

import dev.toolwire.runtime.ToolContext;
import dev.toolwire.runtime.ToolResultConverter;
import io.micronaut.core.annotation.Internal;
import io.micronaut.core.order.OrderUtil;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.config.SerdeConfiguration;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Shapes a tool's return value as the success body: records, maps and lists as they are, a scalar
 * as {@code {"result": value}}, {@code void} (also {@code CompletionStage<Void>}, {@code Publisher<Void>})
 * as {@code {"success": true}}, and {@code null} (or an empty {@code Optional}) as
 * {@code {"result": null}}. The value of a {@code CompletionStage} or {@code Publisher} arrives here
 * already unwrapped. A {@link ToolResultConverter} that converts the value's class shapes it first.
 * Serialization is Micronaut Serialization's, named as the tool's arguments are unless
 * {@code toolwire.naming} says otherwise: under {@code snake_case}, properties without an explicit
 * {@code @JsonProperty} by the generator's rule ({@code customerId} as {@code customer_id}), and enum
 * constants where the output schema lists them as it spells them ({@code HOME_DELIVERY} as
 * {@code home_delivery}).
 */
@Singleton
@Internal
public final class ResultWriter {

    private static final byte[] SUCCESS = "{\"success\":true}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NO_RESULT = "{\"result\":null}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] RESULT_PREFIX = "{\"result\":".getBytes(StandardCharsets.UTF_8);

    private static final ToolResultConverter NONE = new ToolResultConverter() {
        @Override
        public boolean converts(Class<?> type) {
            return false;
        }

        @Override
        public Object convert(Object value, ToolContext call) {
            return value;
        }
    };

    private final JsonMapper asIs;
    private final JsonMapper snakeCase;
    private final List<ToolResultConverter> converters;
    /** The converter of each result class, found once; {@link #NONE} when no converter takes it. */
    private final ClassValue<ToolResultConverter> converterOf = new ClassValue<>() {
        @Override
        protected ToolResultConverter computeValue(Class<?> type) {
            for (ToolResultConverter converter : converters) {
                if (converter.converts(type)) {
                    return converter;
                }
            }
            return NONE;
        }
    };

    /**
     * Creates the writer.
     *
     * @param objectMapper Micronaut Serialization's mapper, whose settings results keep but for naming
     * @param serde the application's serialization settings
     * @param converters the application's result converters
     */
    public ResultWriter(ObjectMapper objectMapper, SerdeConfiguration serde, List<ToolResultConverter> converters) {
        this.asIs = objectMapper.cloneWithConfiguration(new WireNamingConfiguration(serde, new WireNamingStrategy(false)),
                null, null);
        this.snakeCase = objectMapper.cloneWithConfiguration(new WireNamingConfiguration(serde, new WireNamingStrategy(true)),
                null, null);
        List<ToolResultConverter> sorted = new ArrayList<>(converters);
        OrderUtil.sort(sorted);
        this.converters = List.copyOf(sorted);
    }

    /**
     * Writes the success body.
     *
     * @param tool the tool that returned
     * @param value what it returned
     * @param call the call, for converters
     * @return the UTF-8 JSON
     * @throws IOException when the value cannot be serialized (not {@code @Serdeable})
     */
    byte[] write(RegisteredTool tool, @Nullable Object value, ToolContext call) throws IOException {
        if (tool.returnsNothing()) {
            return SUCCESS.clone();
        }
        Object unwrapped = value instanceof Optional<?> optional ? optional.orElse(null) : value;
        if (unwrapped != null && !converters.isEmpty()) {
            ToolResultConverter converter = converterOf.get(unwrapped.getClass());
            unwrapped = converter == NONE ? unwrapped : converter.convert(unwrapped, call);
        }
        if (unwrapped == null) {
            return NO_RESULT.clone();
        }
        JsonMapper jsonMapper = tool.snakeCaseResults() ? snakeCase : asIs;
        EnumSpelling enums = tool.resultEnums();
        if (enums != null) {
            // Written as a tree once, respelled where the schema lists enum constants, written out.
            JsonNode tree = jsonMapper.writeValueToTree(unwrapped);
            JsonNode body = isScalar(unwrapped) ? JsonNode.createObjectNode(Map.of("result", tree)) : tree;
            return jsonMapper.writeValueAsBytes(enums.apply(body));
        }
        if (isScalar(unwrapped)) {
            // Serde writes the value once; it is wrapped as bytes, never read back into a tree that
            // would respell it (500.00 as 5E+2).
            byte[] written = jsonMapper.writeValueAsBytes(unwrapped);
            byte[] body = Arrays.copyOf(RESULT_PREFIX, RESULT_PREFIX.length + written.length + 1);
            System.arraycopy(written, 0, body, RESULT_PREFIX.length, written.length);
            body[body.length - 1] = '}';
            return body;
        }
        return jsonMapper.writeValueAsBytes(unwrapped);
    }

    /**
     * Whether a value is sent wrapped as {@code {"result": value}}.
     *
     * @param value the value
     * @return {@code true} for strings, numbers, booleans, characters, enums, dates, UUIDs and URIs
     */
    static boolean isScalar(Object value) {
        return value instanceof CharSequence
                || value instanceof Number
                || value instanceof Boolean
                || value instanceof Character
                || value instanceof Enum<?>
                || value instanceof TemporalAccessor
                || value instanceof Duration
                || value instanceof Period
                || value instanceof ZoneId
                || value instanceof UUID
                || value instanceof URI
                || value instanceof URL;
    }
}
