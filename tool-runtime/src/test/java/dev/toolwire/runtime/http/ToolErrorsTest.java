package dev.toolwire.runtime.http;

import static dev.toolwire.runtime.Exchanges.exchange;
import static dev.toolwire.runtime.http.HttpCalls.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwire.runtime.Exchanges;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Every failure answers with the one envelope, the right status and code, and an X-Request-Id. */
@MicronautTest
@Property(name = "spec.name", value = "ServeToolsTest")
// These tests are about serving, not auth: the fixtures run open (AuthTest and friends cover auth).
@Property(name = "toolwire.auth.default", value = "none")
@Property(name = "toolwire.http.max-body-bytes", value = "2048")
class ToolErrorsTest {

    private static final String ID = "t-1";

    @Inject
    @Client("/")
    HttpClient client;

    private Exchanges.Answer send(MutableHttpRequest<?> request) {
        Exchanges.Answer answer = exchange(client, request.header("X-Request-Id", ID));
        assertEquals(ID, answer.requestId(), "X-Request-Id header");
        assertEquals(ID, answer.body().at("/error/requestId").asText(), "requestId in envelope");
        assertEquals(json("false"), answer.body().path("success"));
        assertTrue(answer.contentType().startsWith("application/json"), answer.contentType());
        assertEquals("no-store", answer.headers().get("Cache-Control"));
        return answer;
    }

    private static void assertEnvelope(Exchanges.Answer answer, int status, String envelope) {
        assertEquals(status, answer.status());
        assertEquals(json("{'success':false,'error':" + envelope.replace("}END", ",'requestId':'" + ID + "'}") + "}"), answer.body());
    }

    @Test
    void missingRequiredArgument() {
        assertEnvelope(send(HttpRequest.POST("/tools/current_weather", "{}")), 400,
                "{'code':'INVALID_ARGUMENTS','message':'Tool call rejected: missing required argument `city`.',"
                        + "'details':[{'path':'/city','message':'missing required argument `city`'}]}END");
    }

    @Test
    void patternAndEnumViolationsAreAllListed() {
        Exchanges.Answer answer = send(HttpRequest.POST("/tools/current_weather", HttpCalls.q("{'city':'paris','units':'kelvin'}")));
        assertEnvelope(answer, 400, "{'code':'INVALID_ARGUMENTS',"
                + "'message':'Tool call rejected: `city` must look like Smnry (and 1 more problem).',"
                + "'details':[{'path':'/city','message':'`city` must look like Smnry'},"
                + "{'path':'/units','message':'`units` must be one of celsius, fahrenheit'}]}END");
    }

    @Test
    void minimumAndFormatViolations() {
        String body = HttpCalls.q("{'guests':0,'date':'2026-02-30','email':'nope','party':{'lead_name':'A'}}");
        Exchanges.Answer answer = send(HttpRequest.POST("/restaurants/r/bookings", body));
        assertEquals(400, answer.status());
        // In the order of the method's parameters, which the schema's properties keep.
        assertEquals(json("[{'path':'/guests','message':'`guests` must be at least 1'},"
                + "{'path':'/date','message':'`date` must be a valid date like 2026-01-31'},"
                + "{'path':'/email','message':'`email` must be a valid email address'},"
                + "{'path':'/party/seating','message':'missing required argument `party.seating`'},"
                + "{'path':'/party/allergies','message':'missing required argument `party.allergies`'}]"),
                answer.body().at("/error/details"));
        assertEquals("Tool call rejected: 'guests' must be at least 1 (and 4 more problems).",
                answer.body().at("/error/message").asText());
    }

    @Test
    void numberTooLargeForIntNamesTheParameter() {
        assertEnvelope(send(HttpRequest.POST("/tools/count_up", HttpCalls.q("{'count':99999999999}"))), 400,
                "{'code':'INVALID_ARGUMENTS','message':'Tool call rejected: `count` cannot be read as int.',"
                        + "'details':[{'path':'/count','message':'`count` cannot be read as int'}]}END");
    }

    @Test
    void beanValidationViolationIsInvalidArguments() {
        Exchanges.Answer answer = send(HttpRequest.POST("/tools/future_only", HttpCalls.q("{'date':'2000-01-01'}")));
        assertEquals(400, answer.status());
        assertEquals("INVALID_ARGUMENTS", answer.body().at("/error/code").asText());
        assertEquals("/date", answer.body().at("/error/details/0/path").asText());
    }

    @Test
    void bodyThatIsNotJson() {
        assertEnvelope(send(HttpRequest.POST("/tools/current_weather", "{city: Paris")), 400,
                "{'code':'MALFORMED_REQUEST','message':'Tool call rejected: the request body is not valid JSON.','details':[]}END");
    }

    @Test
    void bodyThatIsAJsonArray() {
        assertEnvelope(send(HttpRequest.POST("/tools/current_weather", HttpCalls.q("[{'city':'Paris'}]"))), 400,
                "{'code':'MALFORMED_REQUEST','message':'Tool call rejected: the request body must be a JSON object of arguments.',"
                        + "'details':[]}END");
    }

    @Test
    void unknownRoute() {
        assertEnvelope(send(HttpRequest.GET("/tools/no_such_tool")), 404,
                "{'code':'NOT_FOUND','message':'There is no tool at this address.','details':[]}END");
    }

    @Test
    void wrongMethodOnAToolRoute() {
        assertEnvelope(send(HttpRequest.GET("/tools/current_weather")), 405,
                "{'code':'METHOD_NOT_ALLOWED','message':'Tool call rejected: this tool does not accept that HTTP method.',"
                        + "'details':[]}END");
    }

    @Test
    void toolExceptionNotFound() {
        assertEnvelope(send(HttpRequest.POST("/tools/current_weather", HttpCalls.q("{'city':'Atlantis'}"))), 404,
                "{'code':'NOT_FOUND','message':'I could not find a city called Atlantis.','details':[]}END");
    }

    @Test
    void toolExceptionFactories() {
        assertEnvelope(send(HttpRequest.POST("/tools/refuse", HttpCalls.q("{'kind':'conflict'}"))), 409,
                "{'code':'CONFLICT','message':'That slot was just taken.','details':[]}END");
        assertEnvelope(send(HttpRequest.POST("/tools/refuse", HttpCalls.q("{'kind':'argument'}"))), 400,
                "{'code':'INVALID_ARGUMENTS','message':'That kind is not allowed today.',"
                        + "'details':[{'path':'kind','message':'That kind is not allowed today.'}]}END");
        assertEnvelope(send(HttpRequest.POST("/tools/refuse", HttpCalls.q("{'kind':'unavailable'}"))), 503,
                "{'code':'UNAVAILABLE','message':'The booking system is down; try again soon.','details':[]}END");
    }

    @Test
    void customStatusAndCode() {
        assertEnvelope(send(HttpRequest.DELETE("/bookings/taken")), 422,
                "{'code':'SLOT_TAKEN','message':'That booking can no longer be cancelled.','details':[]}END");
    }

    @Test
    void payloadTooLarge() {
        String big = HttpCalls.q("{'city':'" + "x".repeat(3000) + "'}");
        assertEnvelope(send(HttpRequest.POST("/tools/current_weather", big)), 413,
                "{'code':'PAYLOAD_TOO_LARGE','message':'Tool call rejected: the request body is larger than 2048 bytes.',"
                        + "'details':[]}END");
    }

    @Test
    void unsupportedMediaType() {
        assertEnvelope(send(HttpRequest.POST("/tools/current_weather", "city=Paris")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)), 415,
                "{'code':'UNSUPPORTED_MEDIA_TYPE','message':'Tool call rejected: send the arguments as application/json.',"
                        + "'details':[]}END");
    }

    @Test
    void jsonWithCharsetIsAccepted() {
        Exchanges.Answer answer = exchange(client, HttpRequest.POST("/tools/current_weather", HttpCalls.q("{'city':'Paris'}"))
                .contentType("application/json; charset=utf-8"));
        assertEquals(200, answer.status());
    }

    @Test
    void unexpectedExceptionLeaksNothing() {
        Exchanges.Answer answer = send(HttpRequest.POST("/tools/explode", "{}"));
        assertEnvelope(answer, 500, "{'code':'INTERNAL_ERROR',"
                + "'message':'Sorry, something went wrong on our side while running this tool.','details':[]}END");
        String text = answer.body().toString();
        assertFalse(text.contains("secret") || text.contains("IllegalState") || text.contains("dev.toolwire"), text);
    }

    @Test
    void otherControllersKeepMicronautErrors() {
        Exchanges.Answer ok = exchange(client, HttpRequest.GET("/plain/hello").header("X-Request-Id", ID));
        assertEquals(200, ok.status());
        assertNull(ok.requestId(), "Toolwire labels its own responses only");
        Exchanges.Answer failed = exchange(client, HttpRequest.GET("/plain/fail"));
        assertEquals(500, failed.status());
        assertFalse(failed.body().has("success"), failed.body().toString());
    }

    @Test
    void pathsThatAreNotToolwiresKeepMicronautErrors() {
        Exchanges.Answer missing = exchange(client, HttpRequest.GET("/plain/nope"));
        assertEquals(404, missing.status());
        assertFalse(missing.body().has("success"), "an application path: " + missing.body());
        Exchanges.Answer wrongMethod = exchange(client, HttpRequest.POST("/plain/hello", "{}"));
        assertEquals(405, wrongMethod.status());
        assertFalse(wrongMethod.body().has("success"), "an application controller: " + wrongMethod.body());
        Exchanges.Answer elsewhere = exchange(client, HttpRequest.GET("/somewhere/else"));
        assertEquals(404, elsewhere.status());
        assertFalse(elsewhere.body().has("success"), "not a tool path: " + elsewhere.body());
    }

    @Test
    void aNestedJavaViolation_isNamedByItsWirePath() {
        Exchanges.Answer answer = send(HttpRequest.POST("/tools/schedule_delivery",
                HttpCalls.q("{'delivery':{'contact_name':'Ana','delivery_date':'2020-01-01'}}")));
        assertEquals(400, answer.status(), answer.body().toString());
        assertEquals("INVALID_ARGUMENTS", answer.body().at("/error/code").asText());
        assertEquals("/delivery/delivery_date", answer.body().at("/error/details/0/path").asText(),
                "the wire's names, as schema errors give them: " + answer.body());
        assertTrue(answer.body().at("/error/details/0/message").asText().startsWith("'delivery.delivery_date' "),
                answer.body().toString());
    }

    @Test
    void anApplicationsOwnException_isAnsweredAsItsMapperSays_evenWhenAnEarlierMapperThrows() {
        assertEnvelope(send(HttpRequest.POST("/tools/reserve_stock", "{\"sku\":\"A1\"}")), 423,
                "{'code':'STOCK_LOCKED','message':'That item is being counted right now (reserve_stock); please ask again"
                        + " in a few minutes.','details':[]}END");
    }

    @Test
    void aTimeoutOfTheToolsOwnBackend_isTimeout() {
        Exchanges.Answer answer = send(HttpRequest.POST("/tools/ask_warehouse", "{\"sku\":\"A1\"}"));
        assertEnvelope(answer, 504, "{'code':'TIMEOUT','message':'That is taking longer than expected, so I stopped"
                + " waiting. Please try again in a moment.','details':[]}END");
    }

    @Test
    void anApplicationsMapper_goesBeforeTheBuiltInOnes() {
        assertEnvelope(send(HttpRequest.POST("/tools/ask_supplier", "{\"sku\":\"A1\"}")), 503,
                "{'code':'UNAVAILABLE','message':'Our supplier isn`t answering; I`ll note the request instead.',"
                        + "'details':[]}END");
    }

    @Test
    void anExceptionNoMapperClaims_isInternal_andSaysNothingAboutIt() {
        Exchanges.Answer answer = send(HttpRequest.POST("/tools/count_stock", "{\"sku\":\"A1\"}"));
        assertEnvelope(answer, 500, "{'code':'INTERNAL_ERROR','message':'Sorry, something went wrong on our side while"
                + " running this tool.','details':[]}END");
        assertFalse(answer.body().toString().contains("ledger"), answer.body().toString());
    }
}
