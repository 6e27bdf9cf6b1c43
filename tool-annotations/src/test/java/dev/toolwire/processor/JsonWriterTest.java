package dev.toolwire.processor;

import static com.google.common.truth.Truth.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonWriterTest {

    @Test
    void keysAreSorted_atEveryLevel_withTwoSpaceIndentAndTrailingNewline() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("z", 1);
        inner.put("a", List.of(true, "x"));
        Map<String, Object> outer = new LinkedHashMap<>();
        outer.put("b", inner);
        outer.put("a", Arrays.asList(null, new BigDecimal("2.50"), 3L));
        assertThat(JsonWriter.write(outer)).isEqualTo("""
                {
                  "a": [
                    null,
                    2.50,
                    3
                  ],
                  "b": {
                    "a": [
                      true,
                      "x"
                    ],
                    "z": 1
                  }
                }
                """);
    }

    @Test
    void emptyContainers_stayOnOneLine() {
        assertThat(JsonWriter.write(Map.of("a", Map.of(), "b", List.of()))).isEqualTo("{\n  \"a\": {},\n  \"b\": []\n}\n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "a\"b       | `\"a\\\"b\"`",
        "back\\slash | `\"back\\\\slash\"`",
        "tab\there  | `\"tab\\there\"`",
        "ünïcödé    | `\"ünïcödé\"`",
    })
    void strings_areEscaped(String raw, String json) {
        String value = raw.replace("\\t", "\t");
        assertThat(JsonWriter.write(value)).isEqualTo(json + "\n");
    }

    @Test
    void controlCharacters_useUnicodeEscapes() {
        assertThat(JsonWriter.write("\u0001\n")).isEqualTo("\"\\u0001\\n\"\n");
    }

    @ParameterizedTest
    @CsvSource({
        "phoneNumber, phone_number",
        "id, id",
        "parseURLValue, parse_url_value",
        "URL, url",
        "address2Line, address_2_line",
        "open24Hours, open_24_hours",
        "sha256, sha_256",
        "line_2, line_2",
        "already_snake, already_snake",
        "lookupCustomer, lookup_customer",
    })
    void snakeCase(String java, String wire) {
        assertThat(WireNames.snakeCase(java)).isEqualTo(wire);
    }
}
