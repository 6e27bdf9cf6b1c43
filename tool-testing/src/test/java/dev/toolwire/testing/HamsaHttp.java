package dev.toolwire.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** Calls a fake over real HTTP with its own key, and writes the test bodies of each dialect. */
final class HamsaHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final FakeHamsa hamsa;

    HamsaHttp(FakeHamsa hamsa) {
        this.hamsa = hamsa;
    }

    record Answer(int status, JsonNode json, HttpResponse<String> raw) {

        JsonNode data() {
            return json.path("data");
        }

        String text() {
            return raw.body();
        }

        List<String> problems() {
            List<String> problems = new ArrayList<>();
            json.at("/error/details/errors").forEach(p -> problems.add(p.asText()));
            return problems;
        }
    }

    Answer get(String path) throws IOException, InterruptedException {
        return send("GET", path, null);
    }

    Answer post(String path, String body) throws IOException, InterruptedException {
        return send("POST", path, body);
    }

    Answer patch(String path, String body) throws IOException, InterruptedException {
        return send("PATCH", path, body);
    }

    /** Sends to {@code hamsa.url() + path}, so a base path is included. */
    Answer send(String method, String path, String body) throws IOException, InterruptedException {
        return sendTo(URI.create(hamsa.url() + path), method, body);
    }

    /** Sends to the fake's port and {@code path} as given, without the base path. */
    Answer sendRaw(String method, String path, String body) throws IOException, InterruptedException {
        URI url = hamsa.url();
        return sendTo(URI.create(url.getScheme() + "://" + url.getAuthority() + path), method, body);
    }

    private Answer sendTo(URI uri, String method, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .header("Authorization", "Token " + hamsa.apiKey())
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), jsonOrMissing(response.body()), response);
    }

    /** The body as JSON, or a missing node when it is not JSON (an event stream). */
    private static JsonNode jsonOrMissing(String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }

    static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    /** A valid reference create body with a bearer token and one header. */
    static String referenceBody(String name) {
        return json("{'type':'FUNCTION','name':'" + name + "','description':'Does " + name + "','async':false,"
                + "'params':{'type':'object','properties':{}},'messages':[{'type':'REQUEST_START','content':'One moment.'}],"
                + "'toolSettings':{'serverUrl':'https://tools.example.com/tools/" + name + "','methodType':'POST',"
                + "'timeOut':10,'authToken':'Bearer sk-" + name + "','httpHeaders':{'X-Api-Key':'key-" + name + "'}}}");
    }

    /** The smallest valid guide create body. */
    static String minimalGuideBody(String name) {
        return json("{'name':'" + name + "','description':'Does " + name + "','methodType':'GET',"
                + "'url':'https://tools.example.com/tools/" + name + "','authType':'none','async':false}");
    }

    /** A guide create body with every member set. */
    static String fullGuideBody(String name) {
        return json("{'type':'FUNCTION','name':'" + name + "','description':'Looks up an order','methodType':'GET',"
                + "'url':'https://tools.example.com/orders/:orderId','authType':'jwtAuth','authToken':'Bearer sk-" + name + "',"
                + "'headers':[{'name':'X-Api-Key','value':'key-" + name + "'}],"
                + "'pathParameters':[{'name':'orderId','defaultValue':'ORD-12345'}],"
                + "'parameters':{'type':'object','properties':{'orderId':{'type':'string'}},'required':['orderId']},"
                + "'timeoutSeconds':2.5,'async':true,'collectionId':'c-1',"
                + "'messages':[{'type':'REQUEST_START','content':'One moment.'}]}");
    }
}
