package dev.toolwire.runtime.descriptor;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.micronaut.core.annotation.Internal;

/**
 * The Jackson tree mapper for descriptors, request arguments and error envelopes. Only tree
 * operations are used (no data binding), so nothing is reflective; JSON Schema validation works on
 * these trees too.
 */
@Internal
public final class Json {

    /** Reads and writes JSON trees; big numbers keep their precision. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private Json() {}
}
