package dev.toolwire.bench.spring;

import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Checks the bearer token as a Toolwire server does: HS256 with {@code TOOLWIRE_AUTH_JWT_SECRET},
 * issuer {@code toolwire}, audience {@code hamsa}, within its lifetime, and the tool in its scope.
 */
@Configuration
class TokenSecurity {

    @Bean
    SecurityFilterChain tools(HttpSecurity http) throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/tools/lookup_customer").hasAuthority("SCOPE_tool:lookup_customer")
                        .requestMatchers("/error").permitAll() // where Spring MVC renders a 400
                        .anyRequest().denyAll())
                .oauth2ResourceServer(server -> server.jwt(jwt -> { }))
                .build();
    }

    @Bean
    JwtDecoder tokens(@Value("${TOOLWIRE_AUTH_JWT_SECRET}") String secret) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder
                .withSecretKey(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer("toolwire"),
                token -> token.getAudience() != null && token.getAudience().contains("hamsa")
                        ? OAuth2TokenValidatorResult.success()
                        : OAuth2TokenValidatorResult.failure(List.of())));
        return decoder;
    }
}
