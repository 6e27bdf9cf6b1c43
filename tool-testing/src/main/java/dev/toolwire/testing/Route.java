package dev.toolwire.testing;

import java.util.Optional;

/**
 * What a request asks for, once a dialect has matched its method and path.
 *
 * @param operation the operation
 * @param id the tool id from the path, or empty when the path names none
 */
record Route(Operation operation, String id) {

    /** The operations the fake serves. */
    enum Operation { LIST, CREATE, UPDATE, GET, TOGGLE, TEST, VERSION_CHECK, PROJECT }

    /** Where both dialects serve toggle-activation and test-api-tool (the guide's own table lists them there). */
    static final String V1_TOOL = "/v1/voice-agents/web-tool";

    static Route of(Operation operation) {
        return new Route(operation, "");
    }

    /** The v1 routes served in both dialects: toggle-activation, test-api-tool and the key's project. */
    static Optional<Route> sharedV1(String method, String path) {
        if (method.equals("POST") && path.equals(V1_TOOL + "/toggle-activation")) {
            return Optional.of(of(Operation.TOGGLE));
        }
        if (method.equals("POST") && path.equals(V1_TOOL + "/test-api-tool")) {
            return Optional.of(of(Operation.TEST));
        }
        if (method.equals("GET") && path.equals("/v1/projects/by-api-key")) {
            return Optional.of(of(Operation.PROJECT));
        }
        return Optional.empty();
    }
}
