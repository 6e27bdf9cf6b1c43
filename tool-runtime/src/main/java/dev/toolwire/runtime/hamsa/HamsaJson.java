package dev.toolwire.runtime.hamsa;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The Jackson tree mapper for Hamsa's bodies and answers: trees only (no data binding), numbers
 * with their precision, and none of the strictness the descriptor reader wants (a duplicate member
 * in an answer is tolerated, the last one wins).
 */
final class HamsaJson {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private HamsaJson() {}
}
