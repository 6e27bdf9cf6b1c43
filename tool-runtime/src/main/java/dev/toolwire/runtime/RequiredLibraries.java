package dev.toolwire.runtime;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Internal;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Checks, before anything uses them, that the libraries Toolwire needs are on the class path in
 * versions that fit: the two it needs newer than the Micronaut 4.10 platform's, and Micronaut's HTTP
 * client, which a project made by Micronaut Launch declares for its tests only. Without the check such
 * an application fails later with a {@link NoClassDefFoundError} that names neither the library nor
 * the fix; the message names what to change in the pom.
 */
@Internal
public final class RequiredLibraries {

    /**
     * One library: how to tell that the class path has a version that fits, and what to change in
     * the build when it has not.
     */
    record Library(String coordinates, Predicate<ClassLoader> fits, Function<Optional<String>, String> problem) {

        /** Where Maven puts the version of the artifact in its jar (a shaded jar keeps it). */
        String pomProperties() {
            return "META-INF/maven/" + coordinates.replace(':', '/') + "/pom.properties";
        }

        static Library version(String coordinates, String requiredVersion, String line, String parentProperty,
                Predicate<ClassLoader> fits) {
            return new Library(coordinates, fits,
                    found -> "Toolwire needs " + coordinates + " " + requiredVersion + " (or a later " + line
                            + "), and the class path "
                            + found.map(version -> "has " + version).orElse("has an older or no version of it")
                            + ". In a project whose parent is micronaut-parent, set <" + parentProperty + ">"
                            + requiredVersion + "</" + parentProperty + "> in the pom's <properties>;"
                            + " in a project that imports Micronaut's BOM, import dev.toolwire:toolwire-bom before it"
                            + " (README, \"Versions\").");
        }
    }

    static final List<Library> LIBRARIES = List.of(
            Library.version("com.networknt:json-schema-validator", "2.0.8", "2.x", "json.schema.validator.version",
                    loader -> present(loader, "com.networknt.schema.dialect.Dialects")),
            // Nimbus 10.5 (the platform's) has every class Toolwire uses, but its claims verifier
            // fails with a NullPointerException on the immutable sets Toolwire passes it.
            Library.version("com.nimbusds:nimbus-jose-jwt", "10.10", "10.x", "nimbus.jose.jwt.version",
                    loader -> present(loader, "com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier")
                            && RequiredLibraries.nimbusVerifierAcceptsImmutableSets()),
            // Micronaut Launch declares the HTTP client with test scope, which beats the runtime's
            // compile-scope dependency on it.
            new Library("io.micronaut:micronaut-http-client",
                    loader -> present(loader, "io.micronaut.http.client.HttpClientConfiguration"),
                    found -> "Toolwire needs io.micronaut:micronaut-http-client at run time (the Hamsa sync is"
                            + " its client), and the class path has none. A project made by Micronaut Launch"
                            + " declares it with <scope>test</scope>, which takes it away from the application:"
                            + " remove that scope (README, \"Versions\")."));

    private RequiredLibraries() {}

    /**
     * Fails with a message that names the fix when a required library is missing or does not fit.
     *
     * @param loader the application's class loader
     * @throws ConfigurationException naming the library, the version found, and what to set
     */
    public static void require(ClassLoader loader) {
        Optional<String> problem = problem(loader);
        if (problem.isPresent()) {
            throw new ConfigurationException(problem.get());
        }
    }

    /**
     * What is wrong with the class path, if anything.
     *
     * @param loader the class loader to look in
     * @return one message for the first library that does not fit, or empty
     */
    static Optional<String> problem(ClassLoader loader) {
        for (Library library : LIBRARIES) {
            if (!library.fits().test(loader)) {
                return Optional.of(library.problem().apply(foundVersion(loader, library)));
            }
        }
        return Optional.empty();
    }

    private static boolean nimbusVerifierAcceptsImmutableSets() {
        try {
            new DefaultJWTClaimsVerifier<>(Set.of("audience"), new JWTClaimsSet.Builder().build(), Set.of("exp"), Set.of());
            return true;
        } catch (NullPointerException | LinkageError unfit) {
            return false;
        }
    }

    private static boolean present(ClassLoader loader, String className) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError missing) {
            return false;
        }
    }

    private static Optional<String> foundVersion(ClassLoader loader, Library library) {
        URL resource = loader.getResource(library.pomProperties());
        if (resource == null) {
            return Optional.empty();
        }
        try (InputStream in = resource.openStream()) {
            Properties properties = new Properties();
            properties.load(in);
            return Optional.ofNullable(properties.getProperty("version"));
        } catch (IOException unreadable) {
            return Optional.empty(); // the version only makes the message more precise
        }
    }
}
