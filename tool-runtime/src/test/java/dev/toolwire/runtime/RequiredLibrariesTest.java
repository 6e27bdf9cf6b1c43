package dev.toolwire.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.exceptions.ConfigurationException;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequiredLibrariesTest {

    @TempDir
    Path dir;

    @Test
    void theBuildsOwnClassPathFits() {
        assertEquals(Optional.empty(), RequiredLibraries.problem(getClass().getClassLoader()));
    }

    @Test
    void anOlderNetworkntIsNamedWithItsVersionAndTheProperty() throws IOException {
        Path pom = Files.writeString(dir.resolve("pom.properties"), "groupId=com.networknt\nversion=1.5.8\n");
        ClassLoader platformVersions = new HidingLoader("com.networknt.schema.dialect.",
                "META-INF/maven/com.networknt/json-schema-validator/pom.properties", pom.toUri().toURL());

        ConfigurationException refused = assertThrows(ConfigurationException.class,
                () -> RequiredLibraries.require(platformVersions));

        assertEquals("Toolwire needs com.networknt:json-schema-validator 2.0.8 (or a later 2.x), and the class path"
                + " has 1.5.8. In a project whose parent is micronaut-parent, set"
                + " <json.schema.validator.version>2.0.8</json.schema.validator.version> in the pom's <properties>;"
                + " in a project that imports Micronaut's BOM, import dev.toolwire:toolwire-bom before it"
                + " (README, \"Versions\").", refused.getMessage());
    }

    @Test
    void aMissingNimbusNamesItsPropertyWithoutAVersion() {
        Optional<String> problem = RequiredLibraries.problem(new HidingLoader("com.nimbusds.",
                "META-INF/maven/com.nimbusds/nimbus-jose-jwt/pom.properties", null));

        assertTrue(problem.orElseThrow().contains("com.nimbusds:nimbus-jose-jwt 10.10"), problem.get());
        assertTrue(problem.get().contains("has an older or no version of it"), problem.get());
        assertTrue(problem.get().contains("<nimbus.jose.jwt.version>10.10</nimbus.jose.jwt.version>"), problem.get());
    }

    @Test
    void anHttpClientForTestsOnlyIsNamedWithTheScopeToRemove() {
        Optional<String> problem = RequiredLibraries.problem(new HidingLoader("io.micronaut.http.client.",
                "META-INF/maven/io.micronaut/micronaut-http-client/pom.properties", null));

        assertTrue(problem.orElseThrow().startsWith("Toolwire needs io.micronaut:micronaut-http-client at run time"),
                problem.get());
        assertTrue(problem.get().contains("remove that scope"), problem.get());
    }

    /** The test class path with one package hidden, and pom.properties of the hidden library replaced. */
    private static final class HidingLoader extends ClassLoader {

        private final String hiddenPrefix;
        private final String pomPropertiesPath;
        private final @Nullable URL pomProperties;

        HidingLoader(String hiddenPrefix, String pomPropertiesPath, @Nullable URL pomProperties) {
            super(RequiredLibrariesTest.class.getClassLoader());
            this.hiddenPrefix = hiddenPrefix;
            this.pomPropertiesPath = pomPropertiesPath;
            this.pomProperties = pomProperties;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith(hiddenPrefix)) {
                throw new ClassNotFoundException(name);
            }
            return super.loadClass(name, resolve);
        }

        @Override
        public URL getResource(String name) {
            if (name.equals(pomPropertiesPath)) {
                return pomProperties;
            }
            return super.getResource(name);
        }
    }
}
