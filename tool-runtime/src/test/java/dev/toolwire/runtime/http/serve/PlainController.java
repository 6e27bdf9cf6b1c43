package dev.toolwire.runtime.http.serve;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/** An ordinary controller next to the tools: its errors keep Micronaut's own format. */
@Controller("/plain")
@Requires(property = "spec.name", value = "ServeToolsTest")
public class PlainController {

    /**
     * Says hello.
     *
     * @return a greeting
     */
    @Get("/hello")
    public java.util.Map<String, String> hello() {
        return java.util.Map.of("greeting", "hello");
    }

    /**
     * Fails.
     *
     * @return never
     */
    @Get("/fail")
    public String fail() {
        throw new IllegalStateException("plain failure");
    }
}
