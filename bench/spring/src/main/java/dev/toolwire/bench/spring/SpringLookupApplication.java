package dev.toolwire.bench.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The example's {@code lookup_customer} written the usual Spring Boot way, for the benchmark's
 * comparison: Spring MVC, Spring Security's OAuth2 resource server verifying the same HS256 token a
 * Toolwire server accepts (issuer, audience, lifetime, the tool's scope), and Bean Validation on the
 * phone number.
 */
@SpringBootApplication
public class SpringLookupApplication {

    /**
     * Starts the server.
     *
     * @param args Spring Boot's arguments
     */
    public static void main(String[] args) {
        SpringApplication.run(SpringLookupApplication.class, args);
    }
}
