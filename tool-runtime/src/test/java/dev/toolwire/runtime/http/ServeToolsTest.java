package dev.toolwire.runtime.http;

import static dev.toolwire.runtime.Exchanges.exchange;
import static dev.toolwire.runtime.http.HttpCalls.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolwire.runtime.Exchanges;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Tools served over HTTP: results, argument merging, coercion, defaults and binding. */
@MicronautTest
@Property(name = "spec.name", value = "ServeToolsTest")
// These tests are about serving, not auth: the fixtures run open (AuthTest and friends cover auth).
@Property(name = "toolwire.auth.default", value = "none")
class ServeToolsTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void textLengthIsCountedInCharacters_byTheSchemaAndByJavaAlike() {
        String fiveEmoji = "\uD83D\uDE00".repeat(5);
        Exchanges.Answer five = exchange(client, HttpRequest.POST("/tools/keep_note", "{\"text\":\"" + fiveEmoji + "\"}"));
        assertEquals(200, five.status(), five.raw());
        assertEquals(5, five.body().path("result").intValue());
        Exchanges.Answer six = exchange(client, HttpRequest.POST("/tools/keep_note",
                "{\"text\":\"" + fiveEmoji + "a\"}"));
        assertEquals(400, six.status(), six.raw());
        assertEquals("INVALID_ARGUMENTS", six.code());
    }

    @Test
    void recordResultIsReturnedInTheArgumentsNaming() {
        Exchanges.Answer answer = exchange(client,
                HttpRequest.POST("/tools/current_weather", "{\"city\":\"Paris\",\"units\":\"fahrenheit\"}"));
        assertEquals(200, answer.status());
        assertEquals(json("{'city':'Paris','units':'fahrenheit','degrees':21}"), answer.body(),
                "the enum constant is spelled as the argument schema spells it");
        assertTrue(answer.contentType().startsWith("application/json"));
        assertEquals("no-store", answer.headers().get("Cache-Control"), "an answer holding data is never cached");
        assertEquals("nosniff", answer.headers().get("X-Content-Type-Options"));
    }

    @Test
    void defaultsAreFilledIn() {
        Exchanges.Answer answer = exchange(client, HttpRequest.POST("/tools/current_weather", "{\"city\":\"Oslo\"}"));
        assertEquals("celsius", answer.body().path("units").asText());
    }

    @Test
    void scalarResultIsWrapped() {
        Exchanges.Answer answer = exchange(client, HttpRequest.GET("/forecast/Rome?days=5"));
        assertEquals(200, answer.status());
        assertEquals(json("{'result':'Rome for 5 days'}"), answer.body());
    }

    @Test
    void scalarDefaultFromSchema() {
        assertEquals(json("{'result':'Rome for 3 days'}"), exchange(client, HttpRequest.GET("/forecast/Rome")).body());
    }

    @Test
    void intResultIsWrapped() {
        assertEquals(json("{'result':42}"), exchange(client, HttpRequest.POST("/tools/count_up", "{\"count\":41}")).body());
    }

    @Test
    void voidResultIsSuccessTrue() {
        Exchanges.Answer answer = exchange(client, HttpRequest.DELETE("/bookings/b-17"));
        assertEquals(200, answer.status());
        assertEquals(json("{'success':true}"), answer.body());
    }

    @Test
    void nullResultIsResultNull() {
        assertEquals(json("{'result':null}"), exchange(client, HttpRequest.POST("/tools/find_nothing", "")).body());
    }

    @Test
    void pathWinsThenBodyThenQuery() {
        Exchanges.Answer answer = exchange(client, HttpRequest.POST(
                "/merge/fromPath?a=fromQuery&b=fromQuery&c=fromQuery&n=41&flag=TRUE&ids=1,2,3",
                "{\"a\":\"fromBody\",\"b\":\"fromBody\"}"));
        assertEquals(json("{'a':'fromPath','b':'fromBody','c':'fromQuery','n':42,'flag':false,'ids':[1,2,3]}"),
                answer.body());
    }

    @Test
    void repeatedQueryParametersMakeAnArray() {
        Exchanges.Answer answer = exchange(client, HttpRequest.POST("/merge/x?ids=4&ids=5&b=y&c=z", ""));
        assertEquals(json("[4,5]"), answer.body().path("ids"));
        assertEquals(json("true"), answer.body().path("flag"), "default false, negated");
    }

    @Test
    void uncoercibleQueryValueIsReportedBySchema() {
        Exchanges.Answer answer = exchange(client, HttpRequest.POST("/merge/x?n=many&b=y&c=z", ""));
        assertEquals(400, answer.status());
        assertEquals("/n", answer.body().at("/error/details/0/path").asText());
        assertEquals("'n' must be an integer", answer.body().at("/error/details/0/message").asText());
    }

    @Test
    void nestedRecordEnumListOptionalAndDateBind() {
        String body = "{\"guests\":4,\"date\":\"2026-12-24\",\"email\":\"ana@example.com\","
                + "\"party\":{\"lead_name\":\"Ana\",\"seating\":\"outdoor_terrace\",\"allergies\":[\"nuts\"],\"extra\":1},"
                + "\"tags\":[\"vip\"],\"unknown_argument\":true}";
        Exchanges.Answer answer = exchange(client, HttpRequest.POST("/restaurants/r-9/bookings", body)
                .header("X-Request-Id", "req-42").header("X-Trace", "abc"));
        assertEquals(200, answer.status(), answer.body().toString());
        JsonNode bound = answer.body();
        assertEquals(json("{'restaurant':'r-9','guests':4,'date':'2026-12-24','dayOfWeek':'THURSDAY','lead':'Ana',"
                + "'seating':'OUTDOOR_TERRACE','allergies':['nuts'],'tags':['vip'],'note':'<empty>',"
                + "'tool':'book_table','requestId':'req-42','traceHeader':'abc','secondsLeft':" + bound.path("secondsLeft")
                + "}"), bound);
        assertTrue(bound.path("secondsLeft").asInt() >= 9 && bound.path("secondsLeft").asInt() <= 10);
        assertEquals("req-42", answer.requestId());
    }

    @Test
    void optionalPresentIsBound() {
        String body = "{\"guests\":2,\"date\":\"2026-01-05\",\"email\":\"a@b.co\","
                + "\"party\":{\"lead_name\":\"Bo\",\"seating\":\"indoor\",\"allergies\":[]},\"note\":\"window\"}";
        Exchanges.Answer answer = exchange(client, HttpRequest.POST("/restaurants/r-1/bookings", body));
        assertEquals("window", answer.body().path("note").asText());
        assertEquals("INDOOR", answer.body().path("seating").asText());
    }

    @Test
    void requestIdIsGeneratedWhenMissingOrUnsafe() {
        Exchanges.Answer generated = exchange(client, HttpRequest.GET("/forecast/Rome"));
        assertNotNull(generated.requestId());
        assertEquals(36, generated.requestId().length());
        Exchanges.Answer unsafe = exchange(client, HttpRequest.GET("/forecast/Rome").header("X-Request-Id", "a b<script>"));
        assertNotNull(unsafe.requestId());
        assertFalse(unsafe.requestId().contains("<"));
    }

    @Test
    void blockingToolDoesNotRunOnTheEventLoop() {
        String thread = exchange(client, HttpRequest.GET("/tools/where_am_i")).body().path("result").asText();
        assertFalse(thread.toLowerCase(java.util.Locale.ROOT).contains("eventloop"), thread);
        assertFalse(thread.toLowerCase(java.util.Locale.ROOT).contains("event-loop"), thread);
    }

    @Test
    void localTimesBindFromIsoLocalValuesUnderTheirRfc3339Formats() {
        Exchanges.Answer answer = exchange(client, HttpRequest.POST("/tools/set_reminder",
                "{\"at\":\"2026-01-31T09:30\",\"daily_at\":\"08:15\",\"due\":\"2026-02-01T12:00:00+04:00\"}"));
        assertEquals(200, answer.status(), answer.body().toString());
        assertEquals("2026-01-31T09:30 08:15 2026-02-01T08:00:00Z", answer.body().path("result").asText());
    }

    @Test
    void timeValuesThatTheJavaTypeCannotHoldAreInvalidArguments() {
        Exchanges.Answer badTime = exchange(client, HttpRequest.POST("/tools/set_reminder",
                "{\"at\":\"2026-01-31T09:30\",\"daily_at\":\"25:00\",\"due\":\"2026-02-01T12:00:00Z\"}"));
        Exchanges.Answer noOffset = exchange(client, HttpRequest.POST("/tools/set_reminder",
                "{\"at\":\"2026-01-31T09:30\",\"daily_at\":\"08:15\",\"due\":\"2026-02-01T12:00\"}"));

        assertEquals(400, badTime.status());
        assertEquals("INVALID_ARGUMENTS", badTime.body().path("error").path("code").asText());
        assertTrue(badTime.body().path("error").path("details").toString().contains("daily_at"));
        assertEquals(400, noOffset.status(), noOffset.body().toString());
        assertEquals("INVALID_ARGUMENTS", noOffset.body().path("error").path("code").asText());
        assertTrue(noOffset.body().path("error").toString().contains("due"), noOffset.body().toString());
    }
}
